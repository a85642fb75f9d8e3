package io.backstop.service.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.shares.Shares;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * How JSON is read and written. One rule for numbers: money, prices, quantities, shares and share prices leave the
 * service as exact decimal strings; ratios (volatilities, utilisation, coverage, payout ratios, rates, probabilities,
 * Greeks) as JSON numbers in plain decimal notation, never with an exponent, and null when not finite. Requests are read strictly: a key given twice is malformed JSON (which of two amounts was meant?),
 * every JSON number is read as the decimal written (so {@code 1e400} is a number too large, not an infinity), and
 * no text field may hold a control character (a NUL would otherwise reach PostgreSQL, which refuses it).
 */
@Singleton
public class JsonSetup implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        SimpleModule module = new SimpleModule("backstop-json");
        module.addSerializer(Amount.class, ToStringSerializer.instance);
        module.addSerializer(Quantity.class, ToStringSerializer.instance);
        module.addSerializer(Shares.class, ToStringSerializer.instance);
        module.addSerializer(BigDecimal.class, new PlainDecimalText());
        module.addSerializer(Double.class, new PlainRatio());
        module.addSerializer(Double.TYPE, new PlainRatio());
        module.addDeserializer(String.class, new PrintableText());
        mapper.registerModule(module);
    }

    /** A decimal (a share price) as an exact decimal string, never in exponent notation. */
    static final class PlainDecimalText extends StdSerializer<BigDecimal> {

        PlainDecimalText() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(value.toPlainString());
        }
    }

    /**
     * A ratio (a volatility, a utilisation, a coverage, a payout ratio, a probability, a Greek) as a JSON number in
     * plain decimal notation ({@code 0.0005}, never {@code 5.0E-4}), its shortest exact decimal; an infinite or
     * undefined ratio as null.
     */
    static final class PlainRatio extends StdSerializer<Double> {

        PlainRatio() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            double v = value;
            if (!Double.isFinite(v)) {
                generator.writeNull();
            } else {
                generator.writeNumber(BigDecimal.valueOf(v).toPlainString());
            }
        }
    }

    /** A JSON text value with no control character in it. */
    static final class PrintableText extends StdScalarDeserializer<String> {

        PrintableText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && Inputs.hasControlCharacter(text)) {
                throw InvalidFormatException.from(parser, "a control character", "text with a control character",
                        String.class);
            }
            return text;
        }
    }
}
