/*
 * Referral Desk in Tasklist's header, under the one sign-in:
 * - "Past referrals" (/desk/archive.html) for everyone, "Partners" (/desk/partners.html) for referral managers and
 *   administrators, known by their groups as Tasklist itself reads them;
 * - "Create task" and "Start process" only for users the engine lets create a task or start a process: Tasklist
 *   shows both to everyone, and for a partner they only fail;
 * - after a sign-in on Tasklist's form, a browser sent here from one of the pages (?next=...) goes back to it.
 */
const MANAGERS = ['referralManagers', 'camunda-admin'];
const ACTIONS = {'create-task-action': 'rd-may-create-task', 'start-process-action': 'rd-may-start-process'};
// The application's own pages and API only, as the server's /login checks it: never another site.
const OWN_PAGE = /^\/(desk\/|api\/|outbox)(?:[A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*$/;

// Hidden until the engine says the user may: present from the start, so an action never shows and then goes.
const style = document.createElement('style');
style.textContent = Object.entries(ACTIONS)
  .map(([action, may]) => `body:not(.${may}) li.${action} { display: none !important; }`)
  .join('\n') + '\nli.referral-desk-pages a { display: inline-block; padding: 0 8px; }';
document.head.appendChild(style);

async function read(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(`${url}: HTTP ${response.status}`);
  }
  return response.json();
}

async function mayDo(api) {
  const me = await read(`${api.adminApi}/auth/user/${api.engine}`);
  const [groups, createTask, startable] = await Promise.all([
    read(`${api.engineApi}/identity/groups?userId=${encodeURIComponent(me.userId)}`),
    read(`${api.engineApi}/authorization/check?permissionName=CREATE&resourceName=task&resourceType=7`),
    // What Tasklist's own Start process dialog would list.
    read(`${api.engineApi}/process-definition/count?latest=true&active=true&startableInTasklist=true`
      + '&startablePermissionCheck=true')
  ]);
  return {
    managePartners: groups.groups.some(group => MANAGERS.includes(group.id)),
    'rd-may-create-task': createTask.authorized === true,
    'rd-may-start-process': startable.count > 0
  };
}

function link(href, icon, label) {
  const a = document.createElement('a');
  a.href = href;
  const glyph = document.createElement('span');
  glyph.className = `glyphicon ${icon}`;
  a.append(glyph, ` ${label}`);
  return a;
}

function nextPage() {
  const next = new URLSearchParams(window.location.search).get('next');
  return next && OWN_PAGE.test(next) && !next.includes('//') ? next : null;
}

export default [
  {
    // Drawn in the header each time someone signs in, so each user gets their own links and actions.
    id: 'referral-desk-pages',
    pluginPoint: 'tasklist.navbar.action',
    priority: 300,
    render(node, {api}) {
      document.body.classList.remove(...Object.values(ACTIONS));
      const partners = link('/desk/partners.html', 'glyphicon-briefcase', 'Partners');
      // Not the hidden attribute: the header's own rules for links would show it anyway.
      partners.style.display = 'none';
      node.append(link('/desk/archive.html', 'glyphicon-folder-open', 'Past referrals'), partners);
      mayDo(api)
        .then(may => {
          partners.style.display = may.managePartners ? '' : 'none';
          Object.values(ACTIONS).forEach(action => document.body.classList.toggle(action, may[action]));
        })
        .catch(error => console.error('Referral Desk links', error));
    }
  },
  {
    id: 'referral-desk-return',
    pluginPoint: 'tasklist.login.data',
    render() {},
    result(login) {
      login.then(() => {
        const next = nextPage();
        if (next) {
          window.location.assign(next);
        }
      }, () => {});
    }
  }
];
