import { EndProductSupport, LaunchProduct, ReleaseProductVersion } from '@hotline/domain';

const command = { type: true, at: true } as const;

/**
 * The product catalogue as upstream systems (the vendor's product management) feed it: launches,
 * released versions and ends of support. Each payload is the domain command without its type and
 * instant, as for the other inbound kinds; intake's `/products` routes take the same payloads.
 */
export const productInboundPayloads = {
  'product.launched': LaunchProduct.omit(command),
  'product.version_released': ReleaseProductVersion.omit(command),
  'product.support_ended': EndProductSupport.omit(command),
} as const;
