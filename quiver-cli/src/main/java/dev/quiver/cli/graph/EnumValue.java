package dev.quiver.cli.graph;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enum option value in any case, and when it cannot, names the choices as users type
 * them (the constants' {@code toString}, lower case) rather than picocli's upper-case names.
 */
abstract class EnumValue<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    EnumValue(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
            names.add(e.toString());
        }
        String last = names.remove(names.size() - 1);
        throw new TypeConversionException("expected " + String.join(", ", names) + " or " + last + ", not '" + value + "'");
    }
}
