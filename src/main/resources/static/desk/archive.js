/*
 * A partner's past referrals (/desk/archive.html): the archive API's pages, filtered by state and closing days,
 * one referral's details, and the CSV of everything the filters match. Everything shown goes in as text.
 */
(() => {
  const PAGE_SIZE = 25;
  const STATES = ['WON', 'LOST', 'DECLINED', 'EXPIRED', 'SKIPPED', 'MISSED'];
  const $ = id => document.getElementById(id);

  // Where the listing stands: the partner, its filters, the cursor of every page read so far (null: the first), and
  // which request for a page is the latest, so an answer that arrives late does not overwrite it.
  const view = { partner: null, filters: {}, cursors: [null], page: 0, shown: 0 };
  let codeLists = null;

  /** The word for a code from /api/codes when it answers, else the code itself: the one place codes become words. */
  function word(list, code) {
    if (code == null || code === '') return '';
    const entries = codeLists && codeLists[list];
    if (Array.isArray(entries)) {
      const found = entries.find(entry => entry.code === code);
      if (found && found.label) return found.label;
    } else if (entries && typeof entries[code] === 'string') {
      return entries[code];
    }
    return String(code);
  }

  async function loadCodes() {
    try {
      const response = await desk.api('/api/codes');
      if (response.ok) codeLists = await response.json();
    } catch (e) {
      codeLists = null; // without the lists the page shows codes
    }
  }

  /** "2026-03-05 14:02 UTC": the days the filters take are UTC days, so times are shown in UTC too. */
  function time(iso) {
    return iso ? iso.substring(0, 16).replace('T', ' ') + ' UTC' : '';
  }

  /** The closing day, as the filters take it. */
  function day(iso) {
    return iso ? iso.substring(0, 10) : '';
  }

  function amount(value) {
    return value == null ? '' : new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(value);
  }

  function duration(seconds) {
    if (seconds == null) return '';
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    return hours >= 48 ? `${Math.round(hours / 24)} days` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
  }

  function element(tag, value) {
    return desk.text(document.createElement(tag), value);
  }

  /** Fills a list of terms, leaving out what the referral does not have. */
  function fields(dl, pairs) {
    dl.replaceChildren();
    pairs.filter(([, value]) => value != null && value !== '').forEach(([term, value]) => {
      dl.append(element('dt', term), element('dd', value));
    });
  }

  function query(extra) {
    const params = new URLSearchParams();
    Object.entries({ ...view.filters, ...extra }).forEach(([name, value]) => {
      if (value != null && value !== '') params.append(name, value);
    });
    return params;
  }

  function archivePath(suffix = '') {
    return `/api/partners/${encodeURIComponent(view.partner)}/archived-referrals${suffix}`;
  }

  async function showPage() {
    desk.say('');
    const request = ++view.shown;
    const params = query({ limit: PAGE_SIZE, after: view.cursors[view.page] });
    const response = await desk.api(`${archivePath()}?${params}`);
    if (request !== view.shown) return; // a later filter or page was asked for meanwhile
    if (!response.ok) {
      $('referrals').tBodies[0].replaceChildren();
      desk.say(await desk.problem(response));
      return;
    }
    const page = await response.json();
    view.cursors[view.page + 1] = page.next;
    const rows = page.referrals.map(row);
    $('referrals').tBodies[0].replaceChildren(...rows);
    $('empty').hidden = rows.length > 0;
    $('newer').disabled = view.page === 0;
    $('older').disabled = !page.next;
    desk.text($('page-number'), rows.length || view.page ? `Page ${view.page + 1}` : '');
  }

  function row(referral) {
    const tr = document.createElement('tr');
    const open = element('button', referral.customerCompany);
    open.type = 'button';
    open.className = 'link';
    const customer = document.createElement('td');
    customer.append(open);
    tr.append(element('td', day(referral.closedAt)), element('td', word('finalState', referral.finalState)), customer,
        element('td', referral.locationId), element('td', referral.engagementName),
        element('td', amount(referral.estimatedValue)));
    tr.addEventListener('click', () => {
      document.querySelectorAll('#referrals tr.selected').forEach(selected => selected.classList.remove('selected'));
      tr.classList.add('selected');
      showDetails(referral);
    });
    return tr;
  }

  function showDetails(r) {
    desk.text($('details-title'), `${r.customerCompany} · ${word('finalState', r.finalState)}`);
    fields($('details-customer'), [
      ['Company', r.customerCompany], ['Contact', r.customerContactName], ['E-mail', r.customerEmail],
      ['Phone', r.customerPhone], ['Country/region', word('country', r.customerCountry)],
      ['Company size', word('companySize', r.customerCompanySize)], ['Industry', word('industry', r.customerIndustry)],
      ['Keywords', r.customerKeywords], ['Products', r.customerProducts], ['Needs', r.requestDetails],
      ['Wants to be contacted', r.contactRequested ? 'yes' : 'no'], ['Source', word('source', r.source)]]);
    $('details-withheld').hidden = !!(r.customerContactName || r.customerEmail || r.customerPhone);
    fields($('details-timeline'), [
      ['Received', time(r.receivedAt)], ['Answered', time(r.respondedAt)], ['Answered by', r.respondedBy],
      ['Response time', duration(r.responseSeconds)], ['Interested', time(r.interestedAt)],
      ['Accepted', time(r.acceptedAt)], ['Closed', time(r.closedAt)], ['Location', r.locationId]]);
    fields($('details-engagement'), [
      ['Name', r.engagementName], ['Estimated deal value', amount(r.estimatedValue)],
      ['Purchase timeframe', word('purchaseTimeframe', r.purchaseTimeframe)],
      ['Estimated purchase date', r.estimatedPurchaseDate], ['Notes', r.notes], ['CRM ID', r.crmId]]);
    fields($('details-outcome'), [
      ['State', word('finalState', r.finalState)], ['Decline reason', word('declineReason', r.declineReason)],
      ['Decline notes', r.declineNotes], ['Lost reason', word('lostReason', r.lostReason)]]);
    $('details-contacts').replaceChildren(...r.contacts.map(c =>
      element('li', [c.name, c.email, c.phone].filter(Boolean).join(' · '))));
    if (!r.contacts.length) $('details-contacts').append(element('li', 'none'));
    $('details-edits').tBodies[0].replaceChildren(...r.edits.map(edit => {
      const held = [edit.engagementName, amount(edit.estimatedValue),
        edit.estimatedPurchaseDate && `purchase ${edit.estimatedPurchaseDate}`, edit.crmId && `CRM ${edit.crmId}`,
        edit.contactsAdded ? `${edit.contactsAdded} contact(s) added` : '', edit.notes].filter(Boolean).join(' · ');
      const tr = document.createElement('tr');
      tr.append(...[time(edit.editedAt), edit.editedBy, word('engagementAction', edit.action), held]
        .map(value => element('td', value)));
      return tr;
    }));
    $('details-edits').hidden = !r.edits.length;
    $('details-no-edits').hidden = r.edits.length > 0;
    $('details-registration').hidden = true;
    $('details').hidden = false;
    if (r.finalState === 'WON') showRegistration(r.referralId);
  }

  /** A won referral's deal registration, when it has one (404 otherwise). */
  async function showRegistration(referralId) {
    const response = await desk.api(`${archivePath()}/${encodeURIComponent(referralId)}/deal-registration`);
    if (!response.ok) return;
    const d = await response.json();
    fields($('details-registration-fields'), [
      ['State', word('registrationState', d.state)], ['Solution', d.solution],
      ['Final deal value', amount(d.finalDealValue)], ['Close date', d.closeDate],
      ['Registered', d.registeredBy && `${time(d.registeredAt)} by ${d.registeredBy}`],
      ['Decided', d.decidedBy && `${time(d.decidedAt)} by ${d.decidedBy}`], ['Reject reason', d.rejectReason]]);
    $('details-registration').hidden = false;
  }

  /** The CSV of every referral the filters match, fetched with the session and saved as the server names it. */
  async function exportCsv() {
    desk.say('');
    const response = await desk.api(`${archivePath('.csv')}?${query({})}`,
      { headers: { Accept: 'text/csv, application/problem+json' } });
    if (!response.ok) {
      desk.say(await desk.problem(response));
      return;
    }
    const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = named ? named[1] : `${view.partner}-archived-referrals.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  /** Reads the form into the view, keeps it in the address (to reload or bookmark), and starts from the first page. */
  function applyFilters() {
    view.partner = $('partner').value;
    view.filters = {
      state: $('state').value, closedFrom: $('closed-from').value, closedTo: $('closed-to').value,
      customer: $('customer').value.trim()
    };
    view.cursors = [null];
    view.page = 0;
    $('details').hidden = true;
    desk.text($('partner-name'), `· ${$('partner').selectedOptions[0].text}`);
    history.replaceState(null, '', `?${query({ partner: view.partner })}`);
    return showPage();
  }

  async function start() {
    await loadCodes();
    const asked = new URLSearchParams(location.search);
    STATES.forEach(state => {
      const option = element('option', word('finalState', state));
      option.value = state;
      $('state').append(option);
    });
    const response = await desk.api('/api/archives');
    if (!response.ok) {
      desk.say(await desk.problem(response));
      return;
    }
    const archives = await response.json();
    if (!archives.length) {
      desk.say('You may read no partner\'s archive.');
      $('filters').hidden = true;
      return;
    }
    archives.forEach(archive => {
      const option = element('option', archive.partnerName);
      option.value = archive.partnerId;
      $('partner').append(option);
    });
    $('partner-choice').hidden = archives.length < 2;
    $('partner').value = archives.some(a => a.partnerId === asked.get('partner')) ? asked.get('partner')
      : archives[0].partnerId;
    $('state').value = STATES.includes(asked.get('state')) ? asked.get('state') : '';
    $('closed-from').value = asked.get('closedFrom') || '';
    $('closed-to').value = asked.get('closedTo') || '';
    $('customer').value = asked.get('customer') || '';

    $('filters').addEventListener('submit', event => {
      event.preventDefault();
      applyFilters();
    });
    // A changed filter applies at once, so the list and the export always show the same referrals.
    ['partner', 'state', 'closed-from', 'closed-to', 'customer'].forEach(id => $(id).addEventListener('change', applyFilters));
    $('export').addEventListener('click', exportCsv);
    $('older').addEventListener('click', () => { view.page += 1; showPage(); });
    $('newer').addEventListener('click', () => { view.page -= 1; showPage(); });
    await applyFilters();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
