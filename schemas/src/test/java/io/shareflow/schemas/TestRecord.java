package io.shareflow.schemas;

import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** A SpecificRecord with an arbitrary schema, for records that are not shareflow events. */
final class TestRecord implements SpecificRecord {

    private final Schema schema;
    private final Object[] values;

    TestRecord(Schema schema, Object... values) {
        this.schema = schema;
        this.values = Arrays.copyOf(values, schema.getFields().size());
    }

    @Override
    public void put(int i, Object v) {
        values[i] = v;
    }

    @Override
    public Object get(int i) {
        return values[i];
    }

    @Override
    public Schema getSchema() {
        return schema;
    }
}
