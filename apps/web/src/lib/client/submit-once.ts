// `use:submitOnce` in place of `use:enhance`: while a form's post is on its way the form is
// marked busy (aria-busy, its submit buttons disabled, the clicked one showing a spinner)
// and further submits are dropped, so two clicks on Add make one entry, not two.
import { enhance, type SubmitFunction } from '$app/forms';

const submitters = (form: HTMLFormElement) =>
  [...form.elements].filter(
    (element): element is HTMLButtonElement | HTMLInputElement =>
      (element instanceof HTMLButtonElement && element.type === 'submit') ||
      (element instanceof HTMLInputElement && ['submit', 'image'].includes(element.type)),
  );

function markBusy(form: HTMLFormElement, submitter: HTMLElement | null): () => void {
  form.setAttribute('aria-busy', 'true');
  submitter?.setAttribute('data-pending', '');
  // Buttons disabled before (e.g. an old chat choice) stay disabled afterwards.
  const enabled = submitters(form).filter((button) => !button.disabled);
  for (const button of enabled) button.disabled = true;
  return () => {
    form.removeAttribute('aria-busy');
    submitter?.removeAttribute('data-pending');
    for (const button of enabled) button.disabled = false;
  };
}

export function submitOnce(form: HTMLFormElement, submit?: SubmitFunction) {
  let handler = submit;
  let pending = false;
  const enhanced = enhance(form, async (input) => {
    if (pending) {
      input.cancel();
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
    const idle = markBusy(form, input.submitter);
    return async (outcome) => {
      // The answer is in: the buttons get their own state back before the page updates,
      // so one the update disables (an old chat choice) stays disabled. Submits are still
      // dropped until the update is done.
      idle();
      try {
        if (after) await after(outcome);
        else await outcome.update();
      } finally {
        pending = false;
      }
    };
  });
  return {
    update(next?: SubmitFunction) {
      handler = next;
    },
    destroy: () => enhanced.destroy(),
  };
}
