/**
 * Progressive enhancement for <Diagram>: step through a sequence diagram message by message, and
 * "Edit this diagram". Without scripting the whole diagram shows and CSS hides the controls.
 * Messages carry data-step (added at build time); explanations come from the figure's data-steps.
 */

function enableStepping(figure: HTMLElement): void {
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
    const target = event.target as HTMLElement;
    // Keys typed elsewhere in the figure (the "Edit this diagram" source box) are not steps.
    if (!target.closest('.stepper, .scroll')) return;
    // In a diagram wider than its box the arrow keys scroll it; leave them to the browser.
    if (target.classList.contains('scroll') && target.scrollWidth > target.clientWidth) return;
    // Only left/right: up/down keep scrolling the page.
    const move = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (move === undefined) return;
    event.preventDefault();
    show(current + move);
  });

  show(-1);
}

function enableEditing(figure: HTMLElement): void {
  const button = figure.querySelector<HTMLButtonElement>('[data-action="edit"]');
  const source = figure.dataset['source'];
  if (!button || source === undefined) return;
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = 'Loading Mermaid…';
    try {
      const { openEditor } = await import('./diagram-editor.ts');
      (await openEditor(figure, source)).focus();
      button.remove();
    } catch (error) {
      button.disabled = false;
      button.textContent = 'Edit this diagram (loading failed, try again)';
      console.error(error);
    }
  });
}

/** Enhances every <Diagram> on the page, once. */
export function enhanceDiagrams(root: ParentNode): void {
  for (const figure of root.querySelectorAll<HTMLElement>('.pyconc-diagram:not([data-enhanced])')) {
    figure.setAttribute('data-enhanced', '');
    enableStepping(figure);
    enableEditing(figure);
  }
}
