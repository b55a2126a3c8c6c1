package org.ipdex.authority.feed;

import jakarta.inject.Singleton;
import org.ipdex.authority.coverage.CoverageCheckFinished;
import org.ipdex.authority.coverage.CoverageFeed;
import org.ipdex.authority.edition.ActivationFeed;
import org.ipdex.authority.edition.Editions;
import org.ipdex.common.feed.ChangeFeed;

import java.sql.Connection;
import java.sql.SQLException;

/** The service's outbox: change-feed rows written in the transaction of the change they announce. */
@Singleton
final class AuthorityFeed implements ActivationFeed, CoverageFeed {

    private final ChangeFeed feed;

    AuthorityFeed(ChangeFeed feed) {
        this.feed = feed;
    }

    @Override
    public void activated(Editions.Activation activation) {
        long id = activation.editionId();
        feed.append(EditionActivated.TYPE, activation.office(), id, new EditionActivated(id, activation.office(),
                activation.category(), activation.recordCount(), activation.producedOn().orElse(null)));
    }

    @Override
    public void finished(Connection connection, long id, CoverageCheckFinished event) throws SQLException {
        feed.append(connection, CoverageCheckFinished.TYPE, event.checkId(), id, event);
    }
}
