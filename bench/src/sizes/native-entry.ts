// B's client for the bundle-size measurement.
export { createNativeClient } from '../clients/native';
