/* The referral managers' partner onboarding: list, create with a first admin, deactivate, reactivate, history. */
(() => {
  const WHAT = {
    CREATED: 'Created', ADMIN_INVITED: 'Admin invited', INVITATION_ACCEPTED: 'Admin chose a password',
    DEACTIVATED: 'Deactivated', REACTIVATED: 'Reactivated'
  };
  const rows = document.querySelector('#partners tbody');
  const form = document.getElementById('create');

  function cell(row, value) {
    row.appendChild(desk.text(document.createElement('td'), value));
  }

  function button(label, action) {
    const element = desk.text(document.createElement('button'), label);
    element.type = 'button';
    element.addEventListener('click', action);
    return element;
  }

  function when(instant) {
    return new Date(instant).toLocaleString();
  }

  async function load() {
    const response = await desk.api('/api/partners');
    if (!response.ok) {
      desk.say(await desk.problem(response));
      return;
    }
    rows.replaceChildren();
    for (const partner of await response.json()) {
      const row = document.createElement('tr');
      row.dataset.partner = partner.id;
      cell(row, partner.name);
      cell(row, partner.id);
      cell(row, partner.groupId);
      cell(row, partner.active ? 'Active' : 'Deactivated: gets no new referrals');
      cell(row, partner.openReferrals);
      const actions = document.createElement('td');
      actions.append(partner.active
          ? button('Deactivate', () => deactivate(partner))
          : button('Reactivate', () => reactivate(partner)),
        ' ', button('History', () => history(partner)));
      row.appendChild(actions);
      rows.appendChild(row);
    }
  }

  async function change(partner, method, body, done) {
    const response = await desk.api(`/api/partners/${encodeURIComponent(partner.id)}/deactivation`, {
      method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body)
    });
    if (!response.ok) {
      desk.say(await desk.problem(response));
      return;
    }
    desk.say(done, true);
    await load();
    await history(partner);
  }

  function deactivate(partner) {
    const reason = window.prompt(`Deactivate ${partner.name}? It gets no new referrals; its ${partner.openReferrals} `
      + 'open referrals stay with it to finish. Reason (optional):', '');
    if (reason !== null) {
      change(partner, 'POST', { reason: reason.trim() || null }, `${partner.name} is deactivated.`);
    }
  }

  function reactivate(partner) {
    if (window.confirm(`Reactivate ${partner.name}? Routing and Find a partner offer it again.`)) {
      change(partner, 'DELETE', null, `${partner.name} is active again.`);
    }
  }

  async function history(partner) {
    const response = await desk.api(`/api/partners/${encodeURIComponent(partner.id)}/events`);
    if (!response.ok) {
      desk.say(await desk.problem(response));
      return;
    }
    const body = document.querySelector('#history tbody');
    body.replaceChildren();
    for (const event of await response.json()) {
      const row = document.createElement('tr');
      cell(row, when(event.at));
      cell(row, event.actor);
      cell(row, WHAT[event.action] || event.action);
      cell(row, event.detail);
      body.appendChild(row);
    }
    desk.text(document.getElementById('history-of'), partner.name);
    document.getElementById('history').hidden = false;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const field = name => form.elements[name].value.trim();
    const response = await desk.api('/api/partners', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        id: field('id'), name: field('name'),
        admin: { id: field('adminId'), firstName: field('firstName'), lastName: field('lastName'), email: field('email') }
      })
    });
    if (!response.ok) {
      desk.say(await desk.problem(response));
      return;
    }
    const onboarded = await response.json();
    desk.text(document.getElementById('invited'), `${onboarded.invitation.userId} (${onboarded.partner.name})`);
    desk.text(document.getElementById('expires'), when(onboarded.invitation.expiresAt));
    document.getElementById('link').value = onboarded.invitation.link;
    document.getElementById('invitation').hidden = false;
    desk.say(`${onboarded.partner.name} is onboarded.`, true);
    form.reset();
    await load();
    await history(onboarded.partner);
  });

  document.getElementById('copy').addEventListener('click', () => {
    const link = document.getElementById('link');
    link.select();
    navigator.clipboard?.writeText(link.value);
  });

  load();
})();
