// Texts of the sign-in by email link, in the pane's languages.
import { defineLabels } from '@shared/i18n/define-labels';

const en = {
  title: 'Or sign in by email',
  email: 'Your email',
  send: 'Email me a sign-in link',
  sent: 'Check your email: if the address has an account, a link is on its way (it works once, for 15 minutes).',
  paste: 'Paste the link from the email',
  open: 'Open the link here',
  bad: 'That is not a sign-in link.',
  failed: (m: string) => `Sign-in failed: ${m}`,
};

export const emailSignInLabels = defineLabels<typeof en>({
  en,
  es: {
    title: 'O acceda por correo',
    email: 'Su correo',
    send: 'Enviarme un enlace de acceso',
    sent: 'Revise su correo: si la dirección tiene una cuenta, el enlace va en camino (sirve una vez, durante 15 minutos).',
    paste: 'Pegue el enlace del correo',
    open: 'Abrir el enlace aquí',
    bad: 'Eso no es un enlace de acceso.',
    failed: (m: string) => `El acceso falló: ${m}`,
  },
  fr: {
    title: 'Ou connectez-vous par e-mail',
    email: 'Votre e-mail',
    send: "M'envoyer un lien de connexion",
    sent: "Consultez vos e-mails : si l'adresse a un compte, un lien arrive (valable une fois, 15 minutes).",
    paste: 'Collez le lien reçu par e-mail',
    open: 'Ouvrir le lien ici',
    bad: "Ce n'est pas un lien de connexion.",
    failed: (m: string) => `Échec de la connexion : ${m}`,
  },
});
