import { describe, expect, it } from 'vitest';
import { words } from './i18n.ts';

describe('the report’s counted phrases', () => {
  it('take the form of the word that goes with the number, in each language', () => {
    const en = words('en');
    const ru = words('ru');
    expect(en.approvalsSummary(1, '$5m')).toBe('1 project, $5m committed');
    expect(en.approvalsSummary(2, '$5m')).toBe('2 projects, $5m committed');
    expect([1, 2, 5, 21, 22, 25].map((n) => ru.approvalsSummary(n, '5 $'))).toEqual([
      '1 проект, обязательства 5 $',
      '2 проекта, обязательства 5 $',
      '5 проектов, обязательства 5 $',
      '21 проект, обязательства 5 $',
      '22 проекта, обязательства 5 $',
      '25 проектов, обязательства 5 $',
    ]);
    expect(ru.componentActivities(1)).toBe(
      'Климатические доли по компонентам записаны для 1 проекта.',
    );
    expect(ru.componentActivities(3)).toBe(
      'Климатические доли по компонентам записаны для 3 проектов.',
    );
    expect(en.climatePipelineSummary(1, '$1m', '$9m')).toMatch(/^1 proposal prepares \$9m/);
    expect(ru.climatePipelineSummary(3, '1 $', '9 $')).toMatch(/^3 заявки готовят инвестиции/);
    expect([1, 3, 11, 21].map((n) => ru.demoNotice(n).split(' в этом докладе ')[1])).toEqual([
      'сгенерирован для демонстрации и не относится к реальному портфелю программы.',
      'сгенерированы для демонстрации и не относятся к реальному портфелю программы.',
      'сгенерированы для демонстрации и не относятся к реальному портфелю программы.',
      'сгенерирован для демонстрации и не относится к реальному портфелю программы.',
    ]);
  });
});
