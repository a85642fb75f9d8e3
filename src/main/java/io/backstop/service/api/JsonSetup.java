package io.backstop.service.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.shares.Shares;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Amounts, quantities and shares leave the service as exact decimal strings, never as JSON numbers. */
@Singleton
public class JsonSetup implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule decimals = new SimpleModule("backstop-decimals");
        decimals.addSerializer(Amount.class, ToStringSerializer.instance);
        decimals.addSerializer(Quantity.class, ToStringSerializer.instance);
        decimals.addSerializer(Shares.class, ToStringSerializer.instance);
        mapper.registerModule(decimals);
    }
}
