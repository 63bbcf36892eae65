// The risk layer's place in the panel: live risk scores of places arrive with early warning (IoT
// and fire-alarm systems, DESIGN §1). Until then the entry is shown disabled with that note, so a
// commander knows the map will carry it and where it will be.

import { t } from '../../shared/i18n.js';
import { areaSvg } from '../symbols.js';

const L = window.L;
const RISK_SAMPLE = { color: '#b26a00', weight: 1, fillColor: '#ffb300', fillOpacity: 0.25 };

export function createRiskLayer() {
  return {
    id: 'risk',
    titleKey: 'layers.risk',
    url: null,
    defaultVisible: false,
    disabled: true,
    disabledNote: () => t('panel.riskComingSoon'),
    layer: L.layerGroup(),
    setData() {},
    count: 0,
    swatch: () => areaSvg(RISK_SAMPLE),
    legend: () => [],
  };
}
