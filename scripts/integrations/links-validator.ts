/**
 * `linksValidator()`: starlight-links-validator (every internal link and anchor of the site must
 * exist), failing the build with the build's error shape: its own error says only that validation
 * failed, above its list of the bad links, so the fix is added here, once, where the error is made.
 */
import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { AstroIntegration } from 'astro';
import starlightLinksValidator from 'starlight-links-validator';
import { BuildStepError } from '../shared/build-step-error.ts';
import { messageOf } from '../shared/error-text.ts';

const FIX =
  'correct the link at the file and line shown (a page is /<slug>/, an anchor is a heading id from src/anchors.json), ' +
  'or add the missing page or heading.';

/** The validator's Astro integration, its failure rethrown with the fix and the original as `cause`. */
function withFix(integration: AstroIntegration): AstroIntegration {
  const done = integration.hooks['astro:build:done'];
  if (!done) return integration;
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:build:done': async (options) => {
        try {
          await done(options);
        } catch (error) {
          // Astro names the integration and the hook above the message.
          throw new BuildStepError(messageOf(error), { step: 'links', fix: FIX, cause: error });
        }
      },
    },
  };
}

export function linksValidator(): StarlightPlugin {
  const validator = starlightLinksValidator();
  const setup = validator.hooks['config:setup'];
  return {
    ...validator,
    hooks: {
      ...validator.hooks,
      'config:setup': (context) => setup?.({ ...context, addIntegration: (integration) => context.addIntegration(withFix(integration)) }),
    },
  };
}
