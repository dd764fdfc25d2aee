/** Titles of single-country trade, water and social projects, and of regional projects. */
import { t, type Templates } from './title.templates.ts';

export const OTHER_TITLES: Templates = {
  bcp: [
    (n) =>
      t(`${n.a} Border Crossing Point Modernisation`, `Модернизация пункта пропуска «${n.aRu}»`),
    (n) =>
      t(
        `${n.a} Border Crossing Point and Joint Control Facilities`,
        `Пункт пропуска «${n.aRu}» и объекты совместного контроля`,
      ),
  ],
  customs: [
    (n) =>
      t(
        `Customs Modernisation and Infrastructure Development in ${n.country}`,
        `Модернизация таможни и развитие инфраструктуры (${n.countryRu})`,
      ),
    (n) =>
      t(
        `National Single Window for Trade in ${n.country}`,
        `Национальное единое окно для внешней торговли (${n.countryRu})`,
      ),
    (n) =>
      t(
        `Sanitary and Phytosanitary Controls Modernisation in ${n.country}`,
        `Модернизация санитарного и фитосанитарного контроля (${n.countryRu})`,
      ),
  ],
  irrigation: [
    (n) =>
      t(
        `${n.site} Irrigation and Drainage Modernisation`,
        `Модернизация ирригации и дренажа в бассейне реки ${n.siteRu}`,
        true,
      ),
    (n) =>
      t(
        `${n.site} Basin Water Resources Management`,
        `Управление водными ресурсами бассейна реки ${n.siteRu}`,
      ),
    (n) =>
      t(`${n.a} Irrigated Agriculture Improvement`, `Улучшение орошаемого земледелия (${n.aRu})`),
  ],
  resilience: [
    (n) =>
      t(
        `Hydrometeorological Services and Early Warning Modernisation in ${n.country}`,
        `Модернизация гидрометеослужбы и систем раннего оповещения (${n.countryRu})`,
      ),
    (n) =>
      t(
        `${n.site} Flood Management and Early Warning`,
        `Управление паводками и раннее оповещение в бассейне реки ${n.siteRu}`,
      ),
    (n) =>
      t(
        `Climate and Disaster Resilience in ${n.country}`,
        `Устойчивость к изменению климата и бедствиям (${n.countryRu})`,
      ),
  ],
  skills: [
    (n) =>
      t(
        `Vocational Education and Skills Development in ${n.country}`,
        `Развитие профессионального образования и навыков (${n.countryRu})`,
      ),
    (n) =>
      t(
        `${n.a} Skills for Employment Centres`,
        `Центры профессиональных навыков и занятости (${n.aRu})`,
      ),
  ],
  health: [
    (n) =>
      t(
        `${n.a} Regional Hospital and Primary Health Care Improvement`,
        `Улучшение региональной больницы и первичной медико-санитарной помощи (${n.aRu})`,
      ),
    (n) =>
      t(
        `Communicable Disease Control and Health Security in ${n.country}`,
        `Контроль инфекционных заболеваний и безопасность здоровья (${n.countryRu})`,
      ),
  ],
  '15111': [
    (n) =>
      t(
        `Public Finance Management Reform Program in ${n.country}`,
        `Программа реформы управления государственными финансами (${n.countryRu})`,
      ),
    (n) =>
      t(
        `Fiscal Resilience and Economic Stability Support in ${n.country}`,
        `Поддержка бюджетной устойчивости и экономической стабильности (${n.countryRu})`,
      ),
  ],
  '24010': [
    (n) =>
      t(
        `Financial Sector Development Program in ${n.country}`,
        `Программа развития финансового сектора (${n.countryRu})`,
      ),
  ],
};

export const REGIONAL_TITLES: Templates = {
  road: [
    (n) => t(`${n.a}–${n.b} Cross-Border Road Link`, `Трансграничная автодорога ${n.aRu}–${n.bRu}`),
    (n) =>
      t(
        `CAREC Corridor ${n.corridor ?? ''} Regional Road Improvement (${n.group})`,
        `Региональное улучшение автодорог коридора ЦАРЭС ${n.corridor ?? ''} (${n.groupRu})`,
      ),
  ],
  rail: [
    (n) =>
      t(
        `${n.a}–${n.b} Cross-Border Railway Connection`,
        `Трансграничное железнодорожное сообщение ${n.aRu}–${n.bRu}`,
      ),
    (n) =>
      t(
        `CAREC Corridor ${n.corridor ?? ''} Railway Modernisation (${n.group})`,
        `Модернизация железных дорог коридора ЦАРЭС ${n.corridor ?? ''} (${n.groupRu})`,
      ),
  ],
  transmission: [
    (n) => t(`${n.group} Power Interconnection`, `Межсистемная электрическая связь ${n.groupRu}`),
    (n) =>
      t(
        `500 kV Regional Transmission Line ${n.a}–${n.b}`,
        `Региональная ЛЭП 500 кВ ${n.aRu}–${n.bRu}`,
      ),
  ],
  bcp: [
    (n) =>
      t(
        `Regional Improvement of Border Services (${n.group})`,
        `Региональное совершенствование пограничных служб (${n.groupRu})`,
      ),
  ],
  customs: [
    (n) =>
      t(
        `CAREC Regional Customs Cooperation and Single Window (${n.group})`,
        `Региональное таможенное сотрудничество ЦАРЭС и единое окно (${n.groupRu})`,
      ),
  ],
  resilience: [
    (n) =>
      t(
        `Regional Early Warning and Climate Resilience (${n.group})`,
        `Региональное раннее оповещение и климатическая устойчивость (${n.groupRu})`,
      ),
  ],
  health: [
    (n) =>
      t(
        `Regional Communicable Disease Control and Health Security (${n.group})`,
        `Региональный контроль инфекционных заболеваний и безопасность здоровья (${n.groupRu})`,
      ),
  ],
};
