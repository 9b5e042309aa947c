package glyphstream.serve;

import glyphstream.wire.Bytes;
import glyphstream.wire.avro.RejectedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static glyphstream.serve.ServeDriver.avro;
import static glyphstream.serve.ServeDriver.request;
import static glyphstream.serve.ServeDriver.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestRejectionTest {

    @TempDir
    Path stateDir;
    private ServeDriver serve;

    @BeforeEach
    void start() throws Exception {
        serve = new ServeDriver(new PatternModels().registryWith("v1"), stateDir, 64, 10);
    }

    @AfterEach
    void stop() {
        serve.close();
    }

    private record Bad(RejectReason reason, byte[] key, byte[] value) {
    }

    @Test
    void shouldRejectEveryBadKindWithOriginalBytesWhileNeighboursAreAnswered() {
        List<Bad> bad = List.of(
                new Bad(RejectReason.UNDECODABLE, utf8("k1"), new byte[]{1, 2, 3, (byte) 0xff}),
                new Bad(RejectReason.UNDECODABLE, utf8("k2"), utf8("{\"requestId\": \"x\", \"text\": ")),
                new Bad(RejectReason.UNDECODABLE, utf8("k3"), new byte[]{(byte) 0xC3, 0x01, 9, 9, 9, 9, 9, 9, 9, 9, 9}),
                new Bad(RejectReason.MISSING_REQUEST_ID, null, utf8("{\"text\": \"7\"}")),
                new Bad(RejectReason.MISSING_REQUEST_ID, null, avro(request("", "7"))),
                new Bad(RejectReason.EMPTY_TEXT, utf8("e"), avro(request("e", ""))),
                new Bad(RejectReason.NON_DIGIT_TEXT, utf8("n"), utf8("{\"requestId\": \"n\", \"text\": \"12a\"}")),
                new Bad(RejectReason.NON_DIGIT_TEXT, utf8("n2"), avro(request("n2", "-5"))),
                new Bad(RejectReason.TEXT_TOO_LONG, utf8("t"), avro(request("t", "1".repeat(33)))),
                new Bad(RejectReason.COUNT_OUT_OF_RANGE, utf8("c0"), avro(request("c0", "1").setCount(0))),
                new Bad(RejectReason.COUNT_OUT_OF_RANGE, utf8("c17"), avro(request("c17", "1").setCount(17))),
                new Bad(RejectReason.UNKNOWN_MODEL_VERSION, utf8("u"), avro(request("u", "1").setModelVersion("v9"))));

        List<String> goodIds = new ArrayList<>();
        int n = 0;
        for (Bad b : bad) {
            String id = "good" + n++;
            goodIds.add(id);
            serve.send(request(id, "4"));
            serve.sendRaw(b.key(), b.value());
        }
        serve.sendRaw(utf8("json-good"), utf8("{\"text\": \"88\", \"seed\": 5}")); // JSON taking its id from the key
        goodIds.add("json-good");
        serve.advanceWallClock(10);

        assertEquals(goodIds, MicroBatchingTest.ids(serve.drainImages()), "every good neighbour answered, in order");
        List<RejectedRequest> rejected = serve.drainRejected();
        assertEquals(bad.stream().map(b -> b.reason().name()).toList(),
                rejected.stream().map(RejectedRequest::getReason).toList());
        for (int i = 0; i < bad.size(); i++) {
            RejectedRequest r = rejected.get(i);
            assertArrayEquals(bad.get(i).value(), bytes(r.getValue()), "original value bytes of " + r.getReason());
            assertArrayEquals(bad.get(i).key(), r.getKey() == null ? null : bytes(r.getKey()), "original key bytes");
            assertEquals("glyph.requests", r.getTopic());
            assertEquals(0, r.getPartition());
            assertEquals(2L * i + 1, r.getOffset(), "source offset");
            assertFalse(r.getMessage().isBlank());
            assertFalse(r.getMessage().contains("\n"), "one-line message");
            assertEquals(ServeDriver.START, r.getRejectedAt());
        }
    }

    @Test
    void shouldKeyRejectionByRequestIdWhenKnownAndByTheOriginalKeyWhenUndecodable() {
        serve.sendRaw(utf8("k"), utf8("not a request"));
        serve.send(request("r1", "1").setCount(99));
        serve.sendRaw(null, utf8("not a request either"));

        var records = serve.rejected.readRecordsToList();
        assertEquals("k", records.get(0).key());
        assertNull(records.get(2).key());
        assertEquals("r1", records.get(1).key());
        assertTrue(records.get(1).value().getMessage().contains("count 99"));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        return Bytes.of(buffer);
    }
}
