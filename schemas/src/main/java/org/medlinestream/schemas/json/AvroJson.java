package org.medlinestream.schemas.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Any Avro record ({@code SpecificRecord} or {@code GenericRecord}) as plain JSON, the way a person
 * or {@code jq} expects it: no union wrappers, dates as {@code 2022-09-02}, timestamps as ISO
 * instants ({@code 2022-09-02T10:15:30Z}), enums as their symbol, maps as objects, bytes and fixed
 * as Base64, decimals as JSON numbers. Fields keep the schema's order. {@link #toJson} writes one
 * line, ready for JSON Lines.
 *
 * <p>Not the Avro JSON encoding: the output cannot be read back with an Avro {@code JsonDecoder}.
 */
public final class AvroJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final AvroJson OMITTING_NULLS = new AvroJson(false);
  private static final AvroJson WITH_NULLS = new AvroJson(true);
  /** Resolves unions of several non-null branches, whatever form the logical values take. */
  private static final SpecificData UNION_RESOLVER = unionResolver();
  private static final LocalDateTime LOCAL_EPOCH = LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC);

  private final boolean writeNulls;

  private AvroJson(boolean writeNulls) {
    this.writeNulls = writeNulls;
  }

  /** Leaves out fields whose value is null (the compact form; the default). */
  public static AvroJson omittingNulls() {
    return OMITTING_NULLS;
  }

  /** Writes fields whose value is null as {@code null}, so every field of the schema appears. */
  public static AvroJson withNulls() {
    return WITH_NULLS;
  }

  /** The record as a JSON object tree (fields in schema order). */
  public ObjectNode toTree(IndexedRecord record) {
    return recordNode(record.getSchema(), record);
  }

  /** The record as JSON on one line, without a line terminator. */
  public String toJson(IndexedRecord record) {
    return write(toTree(record));
  }

  /** Appends the record as one JSON Lines line (JSON and {@code \n}). */
  public void writeLine(IndexedRecord record, Writer out) throws IOException {
    out.write(toJson(record));
    out.write('\n');
  }

  /** A JSON tree as compact one-line text (JSON escapes every line break inside strings). */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode recordNode(Schema schema, IndexedRecord record) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field field : schema.getFields()) {
      JsonNode value = value(field.schema(), record.get(field.pos()));
      if (writeNulls || !value.isNull()) {
        node.set(field.name(), value);
      }
    }
    return node;
  }

  private JsonNode value(Schema schema, Object datum) {
    if (datum == null) {
      return NODES.nullNode();
    }
    LogicalType logicalType = schema.getLogicalType();
    String text = logicalType == null ? null : logicalText(logicalType, datum);
    if (text != null) {
      return NODES.textNode(text);
    }
    switch (schema.getType()) {
      case UNION:
        return value(branch(schema, datum), datum);
      case RECORD:
        return recordNode(schema, (IndexedRecord) datum);
      case ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (Object element : (Collection<?>) datum) {
          array.add(value(schema.getElementType(), element));
        }
        return array;
      case MAP:
        ObjectNode map = NODES.objectNode();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) datum).entrySet()) {
          map.set(entry.getKey().toString(), value(schema.getValueType(), entry.getValue()));
        }
        return map;
      case BYTES:
      case FIXED:
        return logicalType instanceof LogicalTypes.Decimal
            ? NODES.numberNode(decimal(schema, datum))
            : NODES.textNode(Base64.getEncoder().encodeToString(bytes(datum)));
      case INT:
        return NODES.numberNode(((Number) datum).intValue());
      case LONG:
        return NODES.numberNode(((Number) datum).longValue());
      case FLOAT:
        return NODES.numberNode(((Number) datum).floatValue());
      case DOUBLE:
        return NODES.numberNode(((Number) datum).doubleValue());
      case BOOLEAN:
        return NODES.booleanNode((Boolean) datum);
      case NULL:
        return NODES.nullNode();
      default: // STRING and ENUM: CharSequence, GenericEnumSymbol or a generated Java enum
        return NODES.textNode(datum.toString());
    }
  }

  private static Schema branch(Schema union, Object datum) {
    List<Schema> types = union.getTypes();
    Schema onlyNonNull = null;
    for (Schema type : types) {
      if (type.getType() != Schema.Type.NULL) {
        if (onlyNonNull != null) {
          return types.get(UNION_RESOLVER.resolveUnion(union, datum));
        }
        onlyNonNull = type;
      }
    }
    return onlyNonNull;
  }

  /**
   * Date, time, timestamp and UUID values as ISO text, whether the record carries them converted
   * ({@code LocalDate}, {@code Instant}, ...) or raw (days, millis, micros since the epoch); null
   * for any other logical type, which is then written by its underlying type.
   */
  private static String logicalText(LogicalType type, Object datum) {
    Long raw = datum instanceof Number ? ((Number) datum).longValue() : null;
    if (type instanceof LogicalTypes.Date) {
      return raw == null ? datum.toString() : LocalDate.ofEpochDay(raw).toString();
    }
    if (type instanceof LogicalTypes.TimestampMillis) {
      return raw == null ? datum.toString() : Instant.ofEpochMilli(raw).toString();
    }
    if (type instanceof LogicalTypes.TimestampMicros) {
      return raw == null ? datum.toString() : Instant.EPOCH.plus(raw, ChronoUnit.MICROS).toString();
    }
    if (type instanceof LogicalTypes.TimestampNanos) {
      return raw == null ? datum.toString() : Instant.EPOCH.plus(raw, ChronoUnit.NANOS).toString();
    }
    if (type instanceof LogicalTypes.LocalTimestampMillis) {
      return raw == null ? datum.toString() : LOCAL_EPOCH.plus(raw, ChronoUnit.MILLIS).toString();
    }
    if (type instanceof LogicalTypes.LocalTimestampMicros) {
      return raw == null ? datum.toString() : LOCAL_EPOCH.plus(raw, ChronoUnit.MICROS).toString();
    }
    if (type instanceof LogicalTypes.TimeMillis) {
      return raw == null ? datum.toString() : LocalTime.ofNanoOfDay(raw * 1_000_000L).toString();
    }
    if (type instanceof LogicalTypes.TimeMicros) {
      return raw == null ? datum.toString() : LocalTime.ofNanoOfDay(raw * 1_000L).toString();
    }
    return "uuid".equals(type.getName()) ? datum.toString() : null;
  }

  private static BigDecimal decimal(Schema schema, Object datum) {
    if (datum instanceof BigDecimal) {
      return (BigDecimal) datum;
    }
    Conversions.DecimalConversion conversion = new Conversions.DecimalConversion();
    return datum instanceof GenericFixed
        ? conversion.fromFixed((GenericFixed) datum, schema, schema.getLogicalType())
        : conversion.fromBytes((ByteBuffer) datum, schema, schema.getLogicalType());
  }

  private static byte[] bytes(Object datum) {
    if (datum instanceof GenericFixed) {
      return ((GenericFixed) datum).bytes();
    }
    ByteBuffer buffer = ((ByteBuffer) datum).duplicate();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static SpecificData unionResolver() {
    SpecificData data = new SpecificData();
    data.addLogicalTypeConversion(new TimeConversions.DateConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    data.addLogicalTypeConversion(new Conversions.UUIDConversion());
    return data;
  }
}
