package nl.samenspel.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;

import java.util.List;
import java.util.Optional;

/**
 * The processors' token store, which writes the token of a batch only once everything the batch's handlers write when
 * it commits is written.
 *
 * <p>A streaming processor stores a batch's token when the batch prepares to commit, and registers that step before its
 * handlers run; read models that write a batch at once (the facts, the health) register theirs while handling, so they
 * came second. Without transactions a failed read-model write then left the token past events that never reached the
 * read model, and a crash between the two writes did the same: the processor went on from the token and the read model
 * missed those events for good. Here a token stored while a batch prepares to commit is written when the batch commits,
 * after all of its preparations; a batch that fails leaves the token where it was, and its events are handled again
 * (the read models recognise what they already hold by sequence number). Every other token operation goes straight to
 * the store.
 */
public final class TokensAfterReadModels implements TokenStore {
    private final TokenStore store;

    public TokensAfterReadModels(TokenStore store) {
        this.store = store;
    }

    /**
     * Tokens in {@code database}, written without waiting for the journal, like the read models they stand for: the
     * store makes writes durable in the order they were made, so a token that survives a crash never stands ahead of
     * the read models written before it, and one that is lost only has the processor handle some events again.
     */
    public static TokensAfterReadModels in(MongoDatabase database, Serializer serializer) {
        MongoDatabase unjournaled = database.withWriteConcern(database.getWriteConcern().withJournal(false));
        return new TokensAfterReadModels(MongoTokenStore.builder()
                                                        .mongoTemplate(DefaultMongoTemplate.builder()
                                                                                           .mongoDatabase(unjournaled)
                                                                                           .build())
                                                        .serializer(serializer)
                                                        .build());
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().phase() == UnitOfWork.Phase.PREPARE_COMMIT) {
            CurrentUnitOfWork.get().onCommit(committing -> store.storeToken(token, processorName, segment));
        } else {
            store.storeToken(token, processorName, segment);
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        store.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        store.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return store.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return store.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        store.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        store.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        store.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        store.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return store.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return store.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return store.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return store.retrieveStorageIdentifier();
    }
}
