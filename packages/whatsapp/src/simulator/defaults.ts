/** The app secret development setups sign and verify webhooks with; never for production. */
export const DEVELOPMENT_WEBHOOK_SECRET = 'development-webhook-secret';

/** The business phone number id the simulator and `wa` use unless told otherwise. */
export const SIMULATOR_PHONE_NUMBER_ID = '100000000000001';

/** The Graph API version the simulator advertises in its URL. */
export const SIMULATOR_API_VERSION = 'v26.0';

export const DEFAULT_SIMULATOR_PORT = 4100;
