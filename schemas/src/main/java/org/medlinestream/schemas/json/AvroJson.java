package org.medlinestream.schemas.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.StringWriter;
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
    try (TokenBuffer tokens = new TokenBuffer(MAPPER, false)) {
      write(record, tokens);
      return (ObjectNode) MAPPER.readTree(tokens.asParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record as JSON on one line, without a line terminator. */
  public String toJson(IndexedRecord record) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = MAPPER.getFactory().createGenerator(text)) {
      write(record, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Appends the record as one JSON Lines line (JSON and {@code \n}). */
  public void writeLine(IndexedRecord record, Writer out) throws IOException {
    out.write(toJson(record));
    out.write('\n');
  }

  /** The record as a JSON object, streamed to a generator (no tree): the text {@link #toJson} gives. */
  public void write(IndexedRecord record, JsonGenerator out) throws IOException {
    out.writeStartObject();
    writeFields(record, 0, record.getSchema().getFields().size(), out);
    out.writeEndObject();
  }

  /**
   * The record's fields of positions {@code from} (inclusive) to {@code to} (exclusive), names and
   * values, into the JSON object the generator is writing: {@link #write} in parts, so that a
   * caller can tell where in the output a field starts and ends.
   */
  public void writeFields(IndexedRecord record, int from, int to, JsonGenerator out)
      throws IOException {
    List<Schema.Field> fields = record.getSchema().getFields();
    for (int pos = from; pos < to; pos++) {
      Schema.Field field = fields.get(pos);
      Object datum = record.get(pos);
      if (writeNulls || datum != null) {
        out.writeFieldName(field.name());
        value(field.schema(), datum, out);
      }
    }
  }

  /** A JSON tree as compact one-line text (JSON escapes every line break inside strings). */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void value(Schema schema, Object datum, JsonGenerator out) throws IOException {
    if (datum == null) {
      out.writeNull();
      return;
    }
    LogicalType logicalType = schema.getLogicalType();
    String text = logicalType == null ? null : logicalText(logicalType, datum);
    if (text != null) {
      out.writeString(text);
      return;
    }
    switch (schema.getType()) {
      case UNION -> value(branch(schema, datum), datum, out);
      case RECORD -> write((IndexedRecord) datum, out);
      case ARRAY -> {
        out.writeStartArray();
        for (Object element : (Collection<?>) datum) {
          value(schema.getElementType(), element, out);
        }
        out.writeEndArray();
      }
      case MAP -> {
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) datum).entrySet()) {
          out.writeFieldName(entry.getKey().toString());
          value(schema.getValueType(), entry.getValue(), out);
        }
        out.writeEndObject();
      }
      case BYTES, FIXED -> {
        if (logicalType instanceof LogicalTypes.Decimal) {
          out.writeNumber(decimal(schema, datum));
        } else {
          out.writeString(Base64.getEncoder().encodeToString(bytes(datum)));
        }
      }
      case INT -> out.writeNumber(((Number) datum).intValue());
      case LONG -> out.writeNumber(((Number) datum).longValue());
      case FLOAT -> out.writeNumber(((Number) datum).floatValue());
      case DOUBLE -> out.writeNumber(((Number) datum).doubleValue());
      case BOOLEAN -> out.writeBoolean((Boolean) datum);
      case NULL -> out.writeNull();
      default -> out.writeString(datum.toString()); // STRING and ENUM: CharSequence or an enum
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
