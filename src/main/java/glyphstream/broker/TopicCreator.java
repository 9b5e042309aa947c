package glyphstream.broker;

import glyphstream.wire.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates glyphstream's topics on any cluster; topics that already exist are left as they are. */
public final class TopicCreator {

    /** Replication factor -1: the cluster's default.replication.factor decides. */
    public static final short CLUSTER_DEFAULT_REPLICATION = -1;
    private static final long TIMEOUT_MS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private TopicCreator() {
    }

    /** @return the names of the topics this call created (empty when all existed) */
    public static List<String> ensureTopics(String bootstrapServers, Map<String, Object> clientProperties,
                                            Topics topics, short replication) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        try (Admin admin = Admin.create(props)) {
            return ensureTopics(admin, topics.newTopics(replication));
        }
    }

    public static List<String> ensureTopics(Admin admin, List<NewTopic> wanted) {
        Map<String, KafkaFuture<Void>> results = admin.createTopics(wanted).values();
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                created.add(result.getKey());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException
                        || e.getCause() instanceof ClusterAuthorizationException) {
                    // Locked-down clusters: an operator made the topics; if not, clients will say so.
                    log.warn("not allowed to create topic {}; assuming it exists", result.getKey());
                } else if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                    throw new IllegalStateException("no answer from Kafka while creating topic " + result.getKey()
                            + " (are the bootstrap servers right and reachable?): " + e.getCause().getMessage(), e.getCause());
                } else if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + result.getKey() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("creating topic " + result.getKey() + " timed out after "
                        + TIMEOUT_MS / 1000 + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + result.getKey(), e);
            }
        }
        return created;
    }
}
