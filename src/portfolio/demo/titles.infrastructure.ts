/** Titles of single-country transport, energy and ICT projects, by kind or sector code. */
import { t, type Templates } from './title.templates.ts';

export const INFRASTRUCTURE_TITLES: Templates = {
  road: [
    (n) =>
      t(
        `${n.a}–${n.b} Road Section Rehabilitation`,
        `Реконструкция участка автодороги ${n.aRu}–${n.bRu}`,
      ),
    (n) =>
      t(`${n.a}–${n.b} Highway Reconstruction`, `Реконструкция автомагистрали ${n.aRu}–${n.bRu}`),
    (n) =>
      t(
        `${n.a}–${n.b} Road Widening and Upgrading`,
        `Расширение и модернизация автодороги ${n.aRu}–${n.bRu}`,
      ),
    (n) =>
      t(
        `Climate-Resilient ${n.a}–${n.b} Road Improvement`,
        `Климатически устойчивая реконструкция автодороги ${n.aRu}–${n.bRu}`,
        true,
      ),
    (n) =>
      n.corridor === null
        ? t(`${n.a}–${n.b} Road Rehabilitation`, `Восстановление автодороги ${n.aRu}–${n.bRu}`)
        : t(
            `CAREC Corridor ${n.corridor} Road Improvement (${n.a}–${n.b} Section)`,
            `Улучшение автодороги коридора ЦАРЭС ${n.corridor} (участок ${n.aRu}–${n.bRu})`,
          ),
  ],
  rail: [
    (n) =>
      t(
        `${n.a}–${n.b} Railway Electrification`,
        `Электрификация железнодорожной линии ${n.aRu}–${n.bRu}`,
      ),
    (n) =>
      t(
        `${n.a}–${n.b} Railway Line Rehabilitation`,
        `Реконструкция железнодорожной линии ${n.aRu}–${n.bRu}`,
      ),
    (n) =>
      t(
        `${n.a}–${n.b} New Railway Line Construction`,
        `Строительство новой железнодорожной линии ${n.aRu}–${n.bRu}`,
      ),
    (n) =>
      t(
        `Railway Signalling and Rolling Stock Modernisation (${n.a}–${n.b})`,
        `Модернизация сигнализации и подвижного состава (${n.aRu}–${n.bRu})`,
      ),
  ],
  '21040': [(n) => t(`${n.a} Port Expansion`, `Расширение порта ${n.aRu}`)],
  '21061': [
    (n) => t(`${n.a} Logistics Centre Development`, `Развитие логистического центра «${n.aRu}»`),
    (n) =>
      t(
        `${n.a} Dry Port and Multimodal Terminal`,
        `Сухой порт и мультимодальный терминал «${n.aRu}»`,
      ),
  ],
  '21050': [
    (n) =>
      t(
        `${n.a} International Airport Modernisation`,
        `Модернизация международного аэропорта «${n.aRu}»`,
      ),
  ],
  transmission: [
    (n) =>
      t(`500 kV Transmission Line ${n.a}–${n.b}`, `Линия электропередачи 500 кВ ${n.aRu}–${n.bRu}`),
    (n) =>
      t(
        `220 kV ${n.a}–${n.b} Transmission Line and Substations`,
        `ЛЭП 220 кВ ${n.aRu}–${n.bRu} и подстанции`,
      ),
    (n) =>
      t(
        `${n.a} Power Distribution Network Rehabilitation`,
        `Реконструкция распределительных электросетей (${n.aRu})`,
      ),
    (n) =>
      t(
        `${n.a}–${n.b} Power Grid Strengthening`,
        `Укрепление энергосистемы на участке ${n.aRu}–${n.bRu}`,
      ),
  ],
  hydro: [
    (n) => t(`${n.site} Hydropower Plant Rehabilitation`, `Реабилитация ГЭС «${n.siteRu}»`),
    (n) =>
      t(
        `${n.site} Hydropower Modernisation and Dam Safety`,
        `Модернизация ГЭС «${n.siteRu}» и безопасность плотины`,
        true,
      ),
    (n) => t(`${n.site} Hydropower Capacity Upgrade`, `Увеличение мощности ГЭС «${n.siteRu}»`),
  ],
  '23230': [(n) => t(`${n.a} Solar Power Plant`, `Солнечная электростанция «${n.aRu}»`)],
  '23240': [(n) => t(`${n.a} Wind Farm`, `Ветровая электростанция «${n.aRu}»`)],
  '23210': [
    (n) =>
      t(
        `Renewable Energy Scale-Up in ${n.country}`,
        `Расширение использования возобновляемой энергии (${n.countryRu})`,
      ),
  ],
  '23620': [
    (n) =>
      t(
        `${n.a} District Heating Rehabilitation`,
        `Реконструкция централизованного теплоснабжения (${n.aRu})`,
      ),
  ],
  '23183': [
    (n) =>
      t(
        `Energy Efficiency in Public Buildings (${n.a})`,
        `Энергоэффективность общественных зданий (${n.aRu})`,
      ),
  ],
  ict: [
    (n) =>
      t(
        `${n.a}–${n.b} Fibre-Optic Backbone Link`,
        `Волоконно-оптическая магистраль ${n.aRu}–${n.bRu}`,
      ),
    (n) =>
      t(
        `Digital Connectivity Improvement in ${n.country}`,
        `Улучшение цифровой связанности (${n.countryRu})`,
      ),
  ],
  tourism: [
    (n) => t(`${n.a} Sustainable Tourism Development`, `Устойчивое развитие туризма (${n.aRu})`),
  ],
};
