package glyphstream.wire;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde over {@link AvroCodec}: Avro single-object encoding, no schema registry needed. */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroCodec<T> codec;

    public AvroSerde(AvroCodec<T> codec) {
        this.codec = codec;
    }

    public AvroSerde(Class<T> type) {
        this(new AvroCodec<>(type));
    }

    public AvroCodec<T> codec() {
        return codec;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> record == null ? null : codec.encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> codec.decode(bytes);
    }
}
