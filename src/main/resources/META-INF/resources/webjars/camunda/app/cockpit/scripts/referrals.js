/*
 * "Referrals", Referral Desk's Cockpit plugin for referral managers (process analysts see the figures and counts, no
 * customer): a dashboard tile with the headline figures, a navigation entry, and a page with the pipeline by stage and
 * partner, the referrals that need attention with links to their instances, and each partner's response times, win
 * rate and deal values. It reads /api/dashboard with the Cockpit sign-in session. No code is shown: the dashboard
 * answers each stage with its words (GET /api/codes has no list of these stages, which merge final states), the flame
 * has its words here. Everything shown is put in as text, never as markup; the charts are plain SVG.
 */
const PAGE = '#/referrals';
const ARCHIVE = '/desk/archive.html';
const SVG = 'http://www.w3.org/2000/svg';

const COLOURS = {
  NEW: '#f0ad4e', ACTIVE: '#5bc0de', EVALUATING: '#9b8bd6', NEGOTIATING: '#337ab7',
  WON: '#5cb85c', LOST: '#d9534f', DECLINED: '#8c8c8c', EXPIRED: '#5e5e5e', CLOSED: '#c4c4c4'
};
const FLAMES = { HOT: 'Contact now', FOLLOW_UP: 'Follow up' };

const STYLE = `
.rd { font-size: 14px; }
.rd h2 { font-size: 18px; margin: 18px 0 8px; }
.rd h3 { font-size: 15px; margin: 12px 0 6px; }
.rd-figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 12px; }
.rd-figure { border: 1px solid #ddd; border-radius: 3px; padding: 6px 12px; min-width: 120px; background: #fff; }
.rd-figure .rd-number { display: block; font-size: 22px; font-weight: bold; }
.rd-figure.rd-warn .rd-number { color: #c9302c; }
.rd-chart { display: block; margin: 4px 0 10px; max-width: 100%; }
.rd-chart text { font-size: 12px; fill: #333; }
.rd table { width: 100%; margin-bottom: 12px; background: #fff; }
.rd th, .rd td { padding: 4px 8px; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
.rd .rd-num { text-align: right; white-space: nowrap; }
.rd-flame { color: #c9302c; font-weight: bold; }
.rd-notice { padding: 8px 12px; background: #fcf8e3; border: 1px solid #faebcc; border-radius: 3px; }
.rd-legend { margin: 0 0 10px; }
.rd-legend span { margin-right: 14px; white-space: nowrap; }
.rd-swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.rd-page { padding: 10px 20px; }
`;

/** An HTML element with attributes and children; a child that is no node goes in as text. */
function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG, tag), attributes, children);
}

function fill(element, attributes, children) {
  Object.entries(attributes).forEach(([name, value]) => value != null && element.setAttribute(name, String(value)));
  children.flat().forEach(child => element.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return element;
}

function styled() {
  if (!document.getElementById('rd-referrals-style')) {
    const style = el('style', { id: 'rd-referrals-style' });
    style.textContent = STYLE;
    document.head.append(style);
  }
}

/** A GET of the application's API with the sign-in session; an answer that is not 2xx throws with its status. */
async function read(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
  }
  return response.json();
}

const count = new Intl.NumberFormat('en');
const money = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

function value(amount) {
  return amount == null ? '–' : money.format(amount);
}

function percent(rate) {
  return rate == null ? '–' : `${Math.round(rate * 100)} %`;
}

function hours(time) {
  if (time == null) {
    return '–';
  }
  return time < 48 ? `${time.toFixed(1)} h` : `${Math.floor(time / 24)} d ${Math.round(time % 24)} h`;
}

function moment(iso) {
  return iso ? new Date(iso).toLocaleString() : '–';
}

function figure(label, number, warn) {
  return el('div', { class: `rd-figure${warn ? ' rd-warn' : ''}` }, el('span', { class: 'rd-number' }, number), label);
}

function headline(totals) {
  return el('div', { class: 'rd-figures' },
    figure('open referrals', count.format(totals.open)),
    figure('overdue (24 h unanswered)', count.format(totals.overdue), totals.overdue > 0),
    figure('near expiry', count.format(totals.nearExpiry), totals.nearExpiry > 0),
    figure('flame referrals waiting', count.format(totals.flameWaiting), totals.flameWaiting > 0),
    figure('win rate (won / accepted)', percent(totals.winRate)),
    figure('accepted deal value', value(totals.acceptedDealValue)),
    figure('won deal value', value(totals.wonDealValue)));
}

/** Horizontal bars, one per item ({key, label, value, colour}), each with its value written beside it. */
function bars(className, title, items, format) {
  const row = 22;
  const labels = 250;
  const length = 330;
  const width = labels + length + 110;
  const height = items.length * row + 4;
  const max = Math.max(1, ...items.map(item => item.value || 0));
  const chart = svg('svg', { class: `rd-chart ${className}`, width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'img', 'aria-label': title }, svg('title', {}, title));
  items.forEach((item, index) => {
    const y = index * row + 2;
    const size = item.value ? Math.max(2, length * item.value / max) : 0;
    chart.append(
      svg('text', { x: labels - 8, y: y + 15, 'text-anchor': 'end' }, item.label),
      svg('rect', { class: 'rd-bar', 'data-key': item.key, x: labels, y: y + 3, width: size, height: row - 6,
        fill: item.colour || '#337ab7' }, svg('title', {}, `${item.label}: ${format(item.value)}`)),
      svg('text', { x: labels + size + 6, y: y + 15 }, format(item.value)));
  });
  return chart;
}

function pipelineChart(pipeline) {
  return bars('rd-pipeline', 'Referrals by stage', pipeline.map(stage => ({
    key: stage.stage, label: stage.label, value: stage.referrals, colour: COLOURS[stage.stage]
  })), number => count.format(number || 0));
}

/** Per partner, one bar split by stage, the stages' colours explained below. */
function partnersChart(partners, pipeline) {
  const row = 24;
  const labels = 200;
  const length = 460;
  const width = labels + length + 60;
  const height = partners.length * row + 4;
  const max = Math.max(1, ...partners.map(partner => Object.values(partner.pipeline).reduce((a, b) => a + b, 0)));
  const chart = svg('svg', { class: 'rd-chart rd-by-partner', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'img', 'aria-label': 'Referrals by partner and stage' }, svg('title', {}, 'Referrals by partner and stage'));
  partners.forEach((partner, index) => {
    const y = index * row + 2;
    let x = labels;
    chart.append(svg('text', { x: labels - 8, y: y + 16, 'text-anchor': 'end' }, partner.name));
    pipeline.forEach(stage => {
      const number = partner.pipeline[stage.stage] || 0;
      if (number > 0) {
        const size = length * number / max;
        chart.append(svg('rect', { class: 'rd-segment', x, y: y + 3, width: size, height: row - 6,
          fill: COLOURS[stage.stage] }, svg('title', {}, `${partner.name}: ${stage.label} ${number}`)));
        x += size;
      }
    });
    const total = Object.values(partner.pipeline).reduce((a, b) => a + b, 0);
    chart.append(svg('text', { x: x + 6, y: y + 16 }, count.format(total)));
  });
  const legend = el('div', { class: 'rd-legend' }, pipeline.map(stage => {
    const swatch = el('span', { class: 'rd-swatch' });
    swatch.style.background = COLOURS[stage.stage];
    return el('span', {}, swatch, stage.label);
  }));
  return el('div', {}, chart, legend);
}

function instanceLink(id) {
  return el('a', { class: 'rd-instance', href: `#/process-instance/${encodeURIComponent(id)}/runtime` }, 'Open instance');
}

/** One kind of referral needing attention: a table for managers, the count alone for analysts. */
function attentionSection(kind, title, group, known) {
  const section = el('div', { class: `rd-${kind}` }, el('h3', {}, `${title}: ${count.format(group.count)}`));
  if (group.referrals == null) {
    section.append(el('p', {}, 'Customers and instances are shown to referral managers only.'));
    return section;
  }
  if (group.referrals.length === 0) {
    section.append(el('p', {}, 'None.'));
    return section;
  }
  const rows = group.referrals.map(referral => el('tr', { 'data-referral': referral.referralId },
    el('td', {}, referral.customerCompany || '–',
      referral.customerContactName ? el('div', {}, referral.customerContactName) : ''),
    el('td', {}, referral.partnerName),
    el('td', {}, known(referral.stage)),
    el('td', { class: referral.flame && FLAMES[referral.flame] ? 'rd-flame' : '' },
      FLAMES[referral.flame] || ''),
    el('td', { class: 'rd-num' }, hours(referral.ageHours)),
    el('td', {}, moment(referral.dueAt)),
    el('td', {}, moment(referral.expiresAt)),
    el('td', {}, instanceLink(referral.processInstanceId))));
  section.append(el('table', {},
    el('thead', {}, el('tr', {}, ['Customer', 'Partner', 'Stage', 'Flame', 'Age', 'Due', 'Ends unanswered', '']
      .map(heading => el('th', {}, heading)))),
    el('tbody', {}, rows)));
  if (group.count > group.referrals.length) {
    section.append(el('p', {}, `The oldest ${group.referrals.length} of ${group.count}.`));
  }
  return section;
}

function partnersTable(partners) {
  const archive = partnerId => el('a', { href: `${ARCHIVE}?partner=${encodeURIComponent(partnerId)}` }, 'ended referrals');
  const number = content => el('td', { class: 'rd-num' }, content);
  return el('table', { class: 'rd-partners' },
    el('thead', {}, el('tr', {}, ['Partner', 'Open', 'Overdue', 'Flame waiting', 'Ended', 'Accepted', 'Won', 'Win rate',
      'Response p50', 'Response p90', 'Accepted value', 'Won value', 'Archive']
      .map((heading, index) => el('th', { class: index > 0 && index < 12 ? 'rd-num' : null }, heading)))),
    el('tbody', {}, partners.map(partner => el('tr', { 'data-partner': partner.partnerId },
      el('td', {}, partner.name),
      number(count.format(partner.open)), number(count.format(partner.overdue)),
      number(count.format(partner.flameWaiting)), number(count.format(partner.ended)),
      number(count.format(partner.accepted)), number(count.format(partner.won)), number(percent(partner.winRate)),
      number(hours(partner.p50ResponseHours)), number(hours(partner.p90ResponseHours)),
      number(value(partner.acceptedDealValue)), number(value(partner.wonDealValue)),
      el('td', {}, archive(partner.partnerId))))));
}

function responseChart(partners) {
  const items = partners.flatMap(partner => [
    { key: `${partner.partnerId}-p50`, label: `${partner.name}, median`, value: partner.p50ResponseHours, colour: '#5bc0de' },
    { key: `${partner.partnerId}-p90`, label: `${partner.name}, 9 in 10 within`, value: partner.p90ResponseHours, colour: '#337ab7' }
  ]);
  return bars('rd-response', 'Response time per partner, hours', items, hours);
}

function winRateChart(partners) {
  return bars('rd-win-rate', 'Win rate per partner', partners.map(partner => ({
    key: partner.partnerId, label: partner.name, value: partner.winRate, colour: '#5cb85c'
  })), percent);
}

function dealValueChart(partners) {
  return bars('rd-deal-value', 'Accepted and won deal value per partner', partners.flatMap(partner => [
    { key: `${partner.partnerId}-accepted`, label: `${partner.name}, accepted`, value: Number(partner.acceptedDealValue), colour: '#9b8bd6' },
    { key: `${partner.partnerId}-won`, label: `${partner.name}, won`, value: Number(partner.wonDealValue), colour: '#5cb85c' }
  ]), value);
}

function refusal(error) {
  if (error.status === 401) {
    return el('p', { class: 'rd-notice' }, 'Your sign-in does not reach the referral figures. ',
      el('a', { href: '/login' }, 'Sign in again'), '.');
  }
  if (error.status === 403) {
    return el('p', { class: 'rd-notice' }, 'The referral figures are for referral managers and process analysts.');
  }
  return el('p', { class: 'rd-notice' }, `The referral figures could not be read (${error.message}).`);
}

/** Shows "loading", then what draw() builds, or why nothing could be read. */
async function show(node, draw) {
  styled();
  node.replaceChildren(el('p', {}, 'Loading the referral figures…'));
  try {
    node.replaceChildren(await draw());
  } catch (error) {
    node.replaceChildren(el('div', { class: 'rd' }, refusal(error)));
  }
}

async function tile() {
  const dashboard = await read('/api/dashboard');
  return el('section', { class: 'rd rd-tile' },
    el('h2', {}, 'Referrals'),
    headline(dashboard.totals),
    pipelineChart(dashboard.pipeline),
    el('a', { class: 'rd-more', href: PAGE }, 'The pipeline by partner, referrals needing attention and partner figures'));
}

async function page() {
  const [dashboard, attention] = await Promise.all([read('/api/dashboard'), read('/api/dashboard/attention')]);
  const stages = Object.fromEntries(dashboard.pipeline.map(stage => [stage.stage, stage.label]));
  const known = stage => stages[stage] || stage;
  const reload = el('button', { type: 'button', class: 'btn btn-default btn-sm' }, 'Refresh');
  const root = el('div', { class: 'rd rd-page' },
    el('h1', {}, 'Referrals'),
    el('p', {}, `As of ${moment(dashboard.asOf)} `, reload),
    headline(dashboard.totals),
    el('h2', {}, 'Pipeline by stage'),
    pipelineChart(dashboard.pipeline),
    el('h2', {}, 'Pipeline by partner'),
    partnersChart(dashboard.partners, dashboard.pipeline),
    el('h2', {}, 'Needs attention'),
    attentionSection('overdue', 'Overdue: not answered within 24 hours', attention.overdue, known),
    attentionSection('near-expiry', 'Near expiry: ending unanswered within 24 hours', attention.nearExpiry, known),
    attentionSection('flame-waiting', 'Flame referrals waiting: the customer asked to be contacted', attention.flameWaiting, known),
    el('h2', {}, 'Partners'),
    partnersTable(dashboard.partners),
    el('h3', {}, 'Response time: median, and the time nine in ten answers came within'),
    responseChart(dashboard.partners),
    el('h3', {}, 'Win rate: won of accepted'),
    winRateChart(dashboard.partners),
    el('h3', {}, 'Deal value: reported on accepted referrals, and on won ones'),
    dealValueChart(dashboard.partners),
    el('h2', {}, 'Ended referrals'),
    el('p', {}, 'Every ended referral, by customer, state and date, is in the archive: ',
      el('a', { class: 'rd-archive', href: ARCHIVE }, 'search the archive'),
      ', or follow a partner\'s "ended referrals" above.'));
  reload.addEventListener('click', () => show(root.parentNode, page));
  return root;
}

export default [
  {
    id: 'referral-desk-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: node => { show(node, tile); }
  },
  {
    id: 'referral-desk-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: { label: 'Referrals', pagePath: PAGE },
    checkActive: path => path.includes(PAGE),
    render: node => { node.append(el('a', { href: PAGE }, 'Referrals')); }
  },
  {
    id: 'referral-desk-page',
    pluginPoint: 'cockpit.route',
    properties: { path: '/referrals', label: 'Referrals' },
    render: node => { show(node, page); }
  }
];
