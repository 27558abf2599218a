package io.shareflow.bench.peer;

/**
 * The payload the peer schedules with namastack: the already encoded Avro bytes, so that it sends
 * exactly the relay's bytes. namastack stores a payload as JSON (Jackson writes the bytes as
 * base64) with its class name, and needs a class it can load by name, which {@code byte[]} is not.
 */
public record EncodedShareEvent(byte[] avro) {
}
