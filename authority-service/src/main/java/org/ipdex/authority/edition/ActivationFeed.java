package org.ipdex.authority.edition;

/**
 * Tells the change feed that an edition became its office's active set. The service's outbox is written by its
 * {@code feed} package alone, which implements this port.
 */
public interface ActivationFeed {

    /** Must run inside the transaction that activates the edition. */
    void activated(Editions.Activation activation);
}
