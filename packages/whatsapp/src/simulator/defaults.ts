/** The app secret development setups sign and verify webhooks with; never for production. */
export const DEVELOPMENT_WEBHOOK_SECRET = 'development-webhook-secret';

/** The business phone number id the simulator and `wa` use unless told otherwise. */
export const SIMULATOR_PHONE_NUMBER_ID = '100000000000001';

/** The Graph API version the simulator advertises in its URL. */
export const SIMULATOR_API_VERSION = 'v26.0';

export const DEFAULT_SIMULATOR_PORT = 4100;

/** The WhatsApp business account (WABA) the simulator's number belongs to. */
export const SIMULATOR_BUSINESS_ACCOUNT_ID = '100000000000002';

/** The Meta app whose token the simulator accepts and whose webhook it configures. */
export const SIMULATOR_APP_ID = '100000000000003';
