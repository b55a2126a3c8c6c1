package org.ipdex.authority.ingest;

import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.ipdex.authority.edition.Edition;
import org.ipdex.authority.edition.Editions;
import org.ipdex.common.problem.ApiException;
import org.ipdex.common.problem.ConflictException;
import org.ipdex.common.problem.UnavailableException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a spooled file into an ingest job: recognises a file already accepted, refuses what the head of the file
 * already shows is wrong, then reads it in the background. A bounded number of jobs run at once (each keeps a
 * core and the database busy); beyond that an upload is refused with 503 rather than queued, so that every
 * {@code ingesting} edition has a live job holding its lock.
 */
@Singleton
public class IngestService {

    private static final int CONCURRENT_JOBS = 2;

    private final Editions editions;
    private final Readers readers;
    private final EditionIngester ingester;
    private final IngestRecovery recovery;
    private final Semaphore slots = new Semaphore(CONCURRENT_JOBS);
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ingest-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public IngestService(Editions editions, Readers readers, EditionIngester ingester, IngestRecovery recovery) {
        this.editions = editions;
        this.readers = readers;
        this.ingester = ingester;
        this.recovery = recovery;
    }

    /**
     * @param outcome accepted (reading in the background), activated, or unchanged (the same file was accepted
     *                before as {@code editionId})
     */
    public record Submission(long editionId, String outcome) {
    }

    public Submission submit(IngestRequest request, SpooledFile file, boolean wait) {
        boolean handedOver = false;
        try {
            Optional<Edition> same = editions.findSameFile(request.office(), file.sha256());
            if (same.isPresent()) {
                if (same.get().status().equals(Edition.INGESTING)) {
                    throw new ConflictException("The same file is being read as edition " + same.get().id());
                }
                return new Submission(same.get().id(), "unchanged");
            }
            readers.preflight(request, file);
            if (!slots.tryAcquire()) {
                throw new UnavailableException("Already reading " + CONCURRENT_JOBS + " files; try again later");
            }
            long id;
            try {
                id = editions.create(new Editions.NewEdition(request.office(),
                        request.category().orElse(UpdateCategory.FULL).id(), request.layout(), file.sha256(),
                        request.uploader().subject(), request.sourceUrl(), request.fileName(), file.size()));
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            CountDownLatch started = new CountDownLatch(1);
            Future<EditionIngester.Result> job = executor.submit(() -> {
                try {
                    return ingester.ingest(id, request, file, started::countDown);
                } catch (RuntimeException unrecorded) {
                    // the ingest failed, and so did writing down that it failed: the database went away under
                    // it. Left alone the edition would stay 'ingesting' until the next start of the service.
                    recovery.recoverLater(id);
                    throw unrecorded;
                } finally {
                    started.countDown();
                    slots.release();
                    Files.deleteIfExists(file.path());
                }
            });
            handedOver = true;
            started.await();
            if (!wait) {
                return new Submission(id, "accepted");
            }
            EditionIngester.Result result = job.get();
            if (result.problem().isPresent()) {
                throw result.problem().get();
            }
            return new Submission(id, "activated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while waiting for the ingest");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ApiException api ? api : new IllegalStateException(e.getCause());
        } finally {
            if (!handedOver) {
                delete(file);
            }
        }
    }

    private static void delete(@Nullable SpooledFile file) {
        try {
            Files.deleteIfExists(file.path());
        } catch (IOException e) {
            // a temp file left behind; the spool directory is disposable
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
