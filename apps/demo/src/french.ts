import { serverMessageToShow } from '@credkit/core';
import type { RecoveryCodeMessages, RegisterCredentialMessages } from '@credkit/react';

const NOM = {
  Fido2: 'Clé d’accès',
  Key: 'Clé',
  PasswordProtectedKey: 'Clé protégée par mot de passe',
  RecoveryKey: 'Clé de récupération',
} as const;

/** Every text of `<RegisterCredential>` in French: the type makes sure none is missing. */
export const frenchMessages: RegisterCredentialMessages = {
  nameLabel: 'Nom de l’identifiant',
  optionalNameLabel: 'Nom de l’identifiant (facultatif)',
  optionalNameHint: 'Laissé vide, il prendra le nom de votre gestionnaire de mots de passe.',
  passwordLabel: 'Mot de passe',
  confirmationLabel: 'Confirmez le mot de passe',
  submit: {
    Fido2: 'Enregistrer la clé d’accès',
    Key: 'Créer la clé',
    PasswordProtectedKey: 'Créer la clé protégée',
    RecoveryKey: 'Créer la clé de récupération',
  },
  cancel: 'Annuler',
  status: {
    challenge: 'Préparation de la demande…',
    ceremony: {
      Fido2: 'Suivez les instructions de votre navigateur pour créer la clé d’accès…',
      Key: 'Création de la clé…',
      PasswordProtectedKey: 'Création de la clé et chiffrement avec votre mot de passe…',
      RecoveryKey: 'Création de la clé et chiffrement avec votre code de récupération…',
    },
    signing: 'Confirmez avec une clé d’accès existante…',
    submitting: {
      Fido2: 'Enregistrement de la clé d’accès…',
      Key: 'Enregistrement de la clé…',
      PasswordProtectedKey: 'Enregistrement de la clé protégée…',
      RecoveryKey: 'Enregistrement de la clé de récupération…',
    },
  },
  registered: (kind, name) => `${NOM[kind]} « ${name} » enregistrée.`,
  nameMissing: 'Donnez un nom à l’identifiant.',
  passwordTooShort: (minLength) => `Choisissez un mot de passe d’au moins ${minLength} caractères.`,
  passwordMismatch: 'Les mots de passe ne correspondent pas.',
  unsupportedHint: 'Essayez un autre navigateur ou appareil.',
  choicesLegend: 'Où garder la clé d’accès',
  choices: {
    'this-device': 'Cet appareil',
    'security-key': 'Clé de sécurité',
    phone: 'Téléphone ou tablette',
  },
  // Complete, like the rest: `satisfies` checks it (the prop itself takes a partial group).
  recovery: {
    legend: 'Conservez votre code de récupération',
    help: 'Une récupération demande l’identifiant de la clé et le code. Ils ne sont affichés qu’une fois ; quiconque les détient peut utiliser cette clé : copiez-les ou téléchargez-les, et gardez-les hors ligne, en lieu sûr.',
    idLabel: 'Identifiant de la clé de récupération',
    codeLabel: 'Code de récupération',
    copy: 'Copier l’identifiant et le code',
    copied: 'L’identifiant et le code sont copiés dans le presse-papiers.',
    copyFailed: 'Copie impossible ici : sélectionnez l’identifiant et le code et copiez-les à la main.',
    download: 'Télécharger (.txt)',
    downloaded: 'Téléchargé.',
    kitNote:
      'Pour récupérer votre compte, ouvrez « Clés d’accès perdues ? » et donnez ce fichier, ou l’identifiant et le code ci-dessous. Gardez-le hors ligne : il ouvre votre clé de récupération.',
    saved: 'J’ai conservé mon code de récupération',
    finish: 'Terminer l’enregistrement',
    discard: 'Abandonner ce code',
  } satisfies RecoveryCodeMessages,
  errors: {
    unsupported: 'Ce navigateur ne peut pas créer de clé d’accès ici (WebAuthn absent ou page non sécurisée).',
    cancelled: 'La demande a été fermée ou la vérification a échoué. Rien n’a été enregistré.',
    'timed-out': 'Le délai est dépassé. Rien n’a été enregistré.',
    'already-registered': 'Cet appareil détient déjà une clé d’accès pour votre compte.',
    constraint: 'Cet appareil ne remplit pas les conditions demandées.',
    'unsupported-algorithm': 'Cet appareil ne prend en charge aucun des algorithmes demandés.',
    security: 'La demande ne correspond pas à ce site.',
    aborted: 'L’enregistrement a été interrompu.',
    'invalid-challenge': 'Le serveur a envoyé une demande inutilisable.',
    'invalid-input': 'La demande est incomplète.',
    'wrong-password': 'Ce mot de passe ou ce code n’ouvre pas cette clé.',
    'no-signing-credential': 'Aucune clé d’accès de votre compte n’est disponible ici pour confirmer.',
    // The server's words only as people may see them (cleaned, cut): serverMessage is for logs.
    forbidden: (error) => `Le serveur a refusé ce changement (${serverMessageToShow(error) ?? error.status}).`,
    server: (error) => `Le serveur a refusé la demande : ${serverMessageToShow(error) ?? `HTTP ${error.status}`}.`,
    network: 'Le serveur est injoignable. Vérifiez votre connexion.',
    unknown: 'Une erreur est survenue pendant l’enregistrement.',
  },
};

/**
 * The form's "confirm" status after a password-protected-key sign-in, where that key, not a passkey,
 * confirms the change (config.ts's userActionSigner): in each language of the demo.
 */
export const passwordKeySigning: Record<'en' | 'fr', string> = {
  en: 'Confirm with your password-protected key…',
  fr: 'Confirmez avec votre clé protégée par mot de passe…',
};
