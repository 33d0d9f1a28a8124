// C's client for the bundle-size measurement: valibot and the view models included.
export { createCarefulClient } from '../clients/careful/client';
