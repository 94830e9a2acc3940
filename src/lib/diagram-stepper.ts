/**
 * Progressive enhancement for <Diagram>: step through a sequence diagram message by message.
 * Without this script the whole diagram shows and the controls stay hidden. Messages carry
 * data-step (added at build time); explanations come from the figure's data-steps.
 */

function enhance(figure: HTMLElement): void {
  const steps = JSON.parse(figure.dataset['steps'] ?? '[]') as string[];
  const stepper = figure.querySelector<HTMLElement>('.stepper');
  const previous = stepper?.querySelector<HTMLButtonElement>('[data-step-action="previous"]');
  const next = stepper?.querySelector<HTMLButtonElement>('[data-step-action="next"]');
  const explanation = stepper?.querySelector<HTMLElement>('.explanation');
  if (steps.length === 0 || !stepper || !previous || !next || !explanation) return;

  // -1 is the overview: every message shown, none highlighted.
  let current = -1;
  const show = (index: number) => {
    current = Math.max(-1, Math.min(steps.length - 1, index));
    figure.toggleAttribute('data-stepping', current >= 0);
    for (const element of figure.querySelectorAll<SVGElement>('[data-step]')) {
      element.toggleAttribute('data-current', element.dataset['step'] === String(current));
    }
    // aria-disabled, not disabled: a disabled button would drop keyboard focus to <body>.
    previous.setAttribute('aria-disabled', String(current < 0));
    next.setAttribute('aria-disabled', String(current === steps.length - 1));
    explanation.textContent =
      current < 0
        ? `${steps.length} steps. Press Next or the right arrow key to go through the messages one by one.`
        : `Step ${current + 1} of ${steps.length}: ${steps[current]}`;
    const visible = [...figure.querySelectorAll<SVGElement>('[data-current]')].find((element) => element.getClientRects().length > 0);
    visible?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  previous.addEventListener('click', () => show(current - 1));
  next.addEventListener('click', () => show(current + 1));
  figure.addEventListener('keydown', (event) => {
    // In a diagram wider than its box the arrow keys scroll it; leave them to the browser.
    const target = event.target as HTMLElement;
    if (target.classList.contains('scroll') && target.scrollWidth > target.clientWidth) return;
    // Only left/right: up/down keep scrolling the page.
    const move = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (move === undefined) return;
    event.preventDefault();
    show(current + move);
  });

  stepper.hidden = false;
  show(-1);
}

/** Enhances every <Diagram> with steps on the page, once. */
export function enhanceDiagrams(root: ParentNode): void {
  for (const figure of root.querySelectorAll<HTMLElement>('.pyconc-diagram[data-steps]:not([data-enhanced])')) {
    figure.setAttribute('data-enhanced', '');
    enhance(figure);
  }
}
