/**
 * The "Go to today" link of the On this day page: today is the reader's own date (the
 * browser's local calendar day), and its link is the day's own link on the page, so every
 * address still comes from the build's URL builder. Without JavaScript the link stays hidden
 * and every day is a plain link.
 */
const today = new Date();
const day = document.querySelector<HTMLAnchorElement>(
  `a[data-month="${today.getMonth() + 1}"][data-day="${today.getDate()}"]`,
);
const holder = document.querySelector<HTMLElement>('[data-on-this-day-today]');
const link = holder?.querySelector('a');
if (day && holder && link) {
  link.href = day.href;
  if (day.dataset.name) link.textContent = `Go to today, ${day.dataset.name}`;
  day.setAttribute('aria-current', 'date');
  holder.hidden = false;
}
