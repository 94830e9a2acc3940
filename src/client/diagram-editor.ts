/**
 * "Edit this diagram": a source box and a live preview under the figure. This module and Mermaid
 * itself are loaded only when a reader clicks the button, so pages carry no Mermaid until then.
 * Mermaid comes as its own prebuilt modules (scripts/integrations/vendor-mermaid.ts), not bundled.
 */
import type { Mermaid } from 'mermaid';
import { MERMAID_URL } from './mermaid-url.ts';
import { sitePath } from './site-path.ts';

let renders = 0;

export async function openEditor(figure: HTMLElement, source: string): Promise<HTMLTextAreaElement> {
  const mermaidUrl = sitePath(`${MERMAID_URL}mermaid.esm.min.mjs`);
  const { default: mermaid } = (await import(/* @vite-ignore */ mermaidUrl)) as { default: Mermaid };
  const dark = document.documentElement.dataset['theme'] === 'dark';
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });

  const name = figure.dataset['diagram'] ?? 'diagram';
  const editor = document.createElement('div');
  editor.className = 'editor';
  const label = document.createElement('label');
  label.textContent = 'Mermaid source (changes are not saved)';
  const textarea = document.createElement('textarea');
  textarea.value = source;
  textarea.rows = Math.min(20, source.split('\n').length + 1);
  textarea.spellcheck = false;
  label.append(textarea);
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const preview = document.createElement('div');
  preview.className = 'preview';
  editor.append(label, status, preview);
  figure.append(editor);

  const render = async () => {
    renders += 1;
    try {
      const { svg } = await mermaid.render(`edit-${name}-${renders}`, textarea.value);
      // securityLevel 'strict' has Mermaid sanitize its output before it reaches the page.
      preview.innerHTML = svg;
      status.textContent = 'Preview updated.';
    } catch (error) {
      status.textContent = `Mermaid: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(render, 300);
  });
  await render();
  return textarea;
}
