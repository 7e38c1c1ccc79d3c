// One confirmation dialog for every destructive action (clear, drain, retire, revoke): a modal
// <dialog>, so a screen reader announces it and focus stays inside until it is answered.
import { byId } from './dom.js';

/** Asks `question`; resolves true when the reader chose `action` (the button's label). */
export function confirmAction(question, action) {
  const dialog = byId('confirm');
  byId('confirm-text').textContent = question;
  byId('confirm-ok').textContent = action;
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = 'cancel';
    dialog.showModal();
    byId('confirm-cancel').focus();
  });
}
