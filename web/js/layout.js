// The page's layout as the stylesheet chose it. The phone breakpoint is written once, in web/css/app.css, which sets
// --layout to "phone" inside its narrow-screen media query; scripts read that instead of repeating the width.

/** True when the stylesheet laid the page out for a phone: one column, the map above the panels. */
export function isPhoneLayout(doc = globalThis.document) {
  if (!doc?.documentElement) return false;
  return getComputedStyle(doc.documentElement).getPropertyValue('--layout').trim() === 'phone';
}
