/**
 * The parity check's protocol: what the services that own data state as current ({@link ApiState},
 * {@link OfficeState}) and the order-independent checksum both sides compute ({@link SetChecksum}).
 */
package org.ipdex.common.parity;
