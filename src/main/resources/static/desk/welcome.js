/* An invited partner admin chooses a password with the one-time token from the invitation link. */
(() => {
  const token = window.location.hash.substring(1);
  // Out of the address bar and the history: the token opens the account once.
  history.replaceState(null, '', window.location.pathname);
  const form = document.getElementById('choose');

  if (!token) {
    desk.say('This link holds no invitation. Ask your referral manager for a new one.');
    form.hidden = true;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const password = form.elements.password.value;
    if (password !== form.elements.repeat.value) {
      desk.say('The two passwords differ.');
      return;
    }
    const response = await desk.api('/api/invitations/accept', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token, password })
    });
    if (!response.ok) {
      desk.say(await desk.problem(response));
      return;
    }
    const accepted = await response.json();
    form.hidden = true;
    desk.text(document.getElementById('user'), accepted.userId);
    document.getElementById('sign-in').href = desk.signIn;
    document.getElementById('next').hidden = false;
    desk.say('Your password is set.', true);
  });
})();
