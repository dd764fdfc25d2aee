import { describe, expect, it } from 'vitest';
import { amountIn, words } from './i18n.ts';

describe('amounts in their own currency', () => {
  it('keep the decimals they are written with, in each language’s digits', () => {
    expect(amountIn('en', '2000000.00', 'EUR')).toBe('2,000,000.00 EUR');
    expect(amountIn('ru', '2000000.00', 'USD')).toBe('2\u00a0000\u00a0000,00 USD');
    expect(amountIn('en', '300000000', 'JPY')).toBe('300,000,000 JPY');
  });
});

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
