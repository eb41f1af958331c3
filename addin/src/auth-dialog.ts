// auth-dialog.html: forwards the Office dialog to the server's completion page. Only an https
// /auth/complete URL is followed, so the page cannot be used to send the dialog anywhere else.
import { forwardTarget } from './ui/auth/email-link';

const target = forwardTarget(new URLSearchParams(location.search).get('to'));
if (target) location.replace(target);
else document.getElementById('status')!.textContent = 'This sign-in window was opened without a valid sign-in link. Close it and paste the link again.';
