package glyphstream.bench;

import glyphstream.client.Percentiles;
import glyphstream.client.ReplyListener;
import glyphstream.client.RequestSender;
import glyphstream.wire.Topics;
import glyphstream.wire.avro.DigitRequest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests through a real broker to a running service and back: latency from each request's due
 * time (open loop) to the moment its image is consumed, and sustained throughput at saturation.
 * One listener thread consumes images for the whole run; each phase uses its own request ids.
 */
final class EndToEndBench implements AutoCloseable {

    record Phase(String name, double offeredPerSecond, int requests, int answered, double seconds,
                 double imagesPerSecond, double p50, double p95, double p99) {
    }

    private final RequestSender sender;
    private final Thread listenerThread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Long> due = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong lastArrival = new AtomicLong();
    private final String runId;

    EndToEndBench(Map<String, Object> client, Topics topics, String runId) {
        this.runId = runId;
        this.sender = new RequestSender(client, topics.requests.name());
        ReplyListener<?> listener = new ReplyListener<>(client, topics.images.name(), topics.images.valueSerde().deserializer(), false);
        listenerThread = new Thread(() -> {
            try (listener) {
                while (running.get()) {
                    listener.poll(Duration.ofMillis(20), r -> {
                        Long dueNanos = due.remove(r.key());
                        if (dueNanos != null) {
                            long now = System.nanoTime();
                            latencies.add((now - dueNanos) / 1e6);
                            lastArrival.set(now);
                        }
                    });
                }
            }
        }, "bench-image-listener");
        listenerThread.setDaemon(true);
        listenerThread.start();
    }

    /**
     * @param ratePerSecond offered load; 0 = as fast as possible (saturation)
     */
    Phase run(String name, double ratePerSecond, int requests, Duration drainTimeout) throws InterruptedException {
        latencies.clear();
        due.clear();
        String prefix = runId + "-" + name + "-";
        long start = System.nanoTime();
        OpenLoopLoad.run(ratePerSecond, requests, (i, dueNanos) -> {
            String id = prefix + i;
            due.put(id, dueNanos);
            sender.send(DigitRequest.newBuilder().setRequestId(id).setText(String.valueOf(i % 10)).setSeed((long) i).build());
        });
        sender.flush();
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (!due.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        int answered = requests - due.size();
        double seconds = (Math.max(lastArrival.get(), start) - start) / 1e9;
        Percentiles p = new Percentiles(latencies.stream().mapToDouble(Double::doubleValue).toArray());
        return new Phase(name, ratePerSecond, requests, answered, seconds,
                seconds > 0 ? answered / seconds : 0, p.at(50), p.at(95), p.at(99));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        listenerThread.join(5000);
        sender.close();
    }
}
