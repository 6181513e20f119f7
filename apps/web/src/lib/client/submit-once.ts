// `use:submitOnce` in place of `use:enhance`: while a form's post is on its way the form is
// marked busy (aria-busy, its submit buttons disabled, the clicked one showing a spinner)
// and further submits are dropped, so two clicks on Add make one entry, not two. Once the
// answer is in, the page refreshes; what the person types meanwhile is theirs: the
// refresh does not clear it, and a submit made then goes out as soon as the refresh is
// done. A submit then without anything typed since is the second click of a double
// click, and is still dropped.
import { enhance, type SubmitFunction } from '$app/forms';

const submitters = (form: HTMLFormElement) =>
  [...form.elements].filter(
    (element): element is HTMLButtonElement | HTMLInputElement =>
      (element instanceof HTMLButtonElement && element.type === 'submit') ||
      (element instanceof HTMLInputElement && ['submit', 'image'].includes(element.type)),
  );

/** Disables the form's submit buttons; the returned function enables them again. */
function disableSubmitters(form: HTMLFormElement): () => void {
  // Buttons disabled before (e.g. an old chat choice) stay disabled afterwards.
  const enabled = submitters(form).filter((button) => !button.disabled);
  for (const button of enabled) button.disabled = true;
  return () => {
    for (const button of enabled) button.disabled = false;
  };
}

export function submitOnce(form: HTMLFormElement, submit?: SubmitFunction) {
  let handler = submit;
  let pending = false;
  // Something was typed or chosen in the form since the pending post went.
  let typed = false;
  // A submit made while the page refreshed after an answer, with something new typed.
  let deferred: HTMLElement | null | undefined;
  const noteTyping = () => {
    if (pending) typed = true;
  };
  form.addEventListener('input', noteTyping);

  const enhanced = enhance(form, async (input) => {
    if (pending) {
      input.cancel();
      if (typed) deferred = input.submitter;
      return;
    }
    let cancelled = false;
    const cancel = () => {
      cancelled = true;
      input.cancel();
    };
    const after = await handler?.({ ...input, cancel });
    if (cancelled) return;
    pending = true;
    typed = false;
    form.setAttribute('aria-busy', 'true');
    input.submitter?.setAttribute('data-pending', '');
    const enable = disableSubmitters(form);
    return async (outcome) => {
      // The answer is in: the buttons get their own state back before the page updates,
      // so one the update disables (an old chat choice) stays disabled.
      enable();
      const update: typeof outcome.update = (options) =>
        outcome.update({ reset: !typed, ...options });
      try {
        if (after) await after({ ...outcome, update });
        else await update();
      } finally {
        pending = false;
        form.removeAttribute('aria-busy');
        input.submitter?.removeAttribute('data-pending');
        const again = deferred;
        deferred = undefined;
        if (again !== undefined && form.isConnected) resubmit(form, again);
      }
    };
  });
  return {
    update(next?: SubmitFunction) {
      handler = next;
    },
    destroy() {
      form.removeEventListener('input', noteTyping);
      enhanced.destroy();
    },
  };
}

/** Submits the form again as `submitter` did, unless the refresh removed or disabled it. */
function resubmit(form: HTMLFormElement, submitter: HTMLElement | null): void {
  if (submitter === null) {
    form.requestSubmit();
    return;
  }
  const disabled =
    (submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement) &&
    submitter.disabled;
  if (form.contains(submitter) && !disabled) form.requestSubmit(submitter);
}
