import { useEffect, useState } from 'react';
import { onSimpleWebAuthn } from './config.ts';

export type Theme = 'system' | 'light' | 'dark';
export type Language = 'en' | 'fr';

const THEME_KEY = 'credkit-demo-theme';

function storedTheme(): Theme {
  try {
    const theme = window.localStorage.getItem(THEME_KEY);
    return theme === 'light' || theme === 'dark' ? theme : 'system';
  } catch {
    return 'system';
  }
}

/** The page's theme: `system` follows the person's setting; light and dark set the root's color-scheme, which the kit's styles follow. */
function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    try {
      if (theme === 'system') window.localStorage.removeItem(THEME_KEY);
      else window.localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage refused (a private window, a policy): the choice lasts this page.
    }
  }, [theme]);
  return [theme, setTheme];
}

/** This page with `?ceremony=simplewebauthn` set or removed, the other parameters and the hash kept byte for byte. */
function ceremonyHref(simpleWebAuthn: boolean): string {
  const url = new URL(window.location.href);
  const params = url.search
    .slice(1)
    .split('&')
    .filter((param) => param !== '' && !new URLSearchParams(param).has('ceremony'));
  if (simpleWebAuthn) params.push('ceremony=simplewebauthn');
  url.search = params.join('&');
  return url.href;
}

/**
 * The demo's switches: the theme (light, dark, or the system's), the language of the credential
 * form (`messages`: english, or french.ts), and who runs the passkey prompts (credkit's own ceremony,
 * or @simplewebauthn/browser: a reload, since the ceremony is chosen once per page).
 */
export function Switches({ language, onLanguage }: { language: Language; onLanguage: (language: Language) => void }) {
  const [theme, setTheme] = useTheme();
  return (
    <div className="switches">
      <p className="switch">
        <label htmlFor="theme">Theme</label>
        <select id="theme" value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </p>
      <p className="switch">
        <label htmlFor="language">Component language</label>
        <select id="language" value={language} onChange={(event) => onLanguage(event.target.value as Language)}>
          <option value="en">English</option>
          <option value="fr">Français</option>
        </select>
      </p>
      <fieldset className="switch" aria-describedby="ceremony-hint">
        <legend>Passkey prompts by</legend>
        <span className="segmented">
          <a href={ceremonyHref(false)} aria-current={onSimpleWebAuthn ? undefined : 'true'}>
            credkit
          </a>
          <a href={ceremonyHref(true)} aria-current={onSimpleWebAuthn ? 'true' : undefined}>
            SimpleWebAuthn
          </a>
        </span>
        <span id="ceremony-hint" className="visually-hidden">
          Reloads the page
        </span>
      </fieldset>
    </div>
  );
}
