package io.backstop.service.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.shares.Shares;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * How JSON is read and written. Amounts, quantities and shares leave the service as exact decimal strings, never as
 * JSON numbers. Requests are read strictly: a key given twice is malformed JSON (which of two amounts was meant?),
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
        module.addDeserializer(String.class, new PrintableText());
        mapper.registerModule(module);
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
