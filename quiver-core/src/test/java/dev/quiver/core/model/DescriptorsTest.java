package dev.quiver.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescriptorsTest {
    @Test
    void parametersAndReturnType() {
        assertThat(Descriptors.parameters("(I[BLjava/lang/String;)V")).isEqualTo("I[BLjava/lang/String;");
        assertThat(Descriptors.returnType("(I[BLjava/lang/String;)V")).isEqualTo("V");
        assertThat(Descriptors.parameters("()[[J")).isEmpty();
        assertThat(Descriptors.returnType("()[[J")).isEqualTo("[[J");
    }

    @Test
    void parameterRegistersCountWideTypesTwiceAndThisOnce() {
        assertThat(Descriptors.parameterRegisters("()V", true)).isZero();
        assertThat(Descriptors.parameterRegisters("()V", false)).isEqualTo(1);
        assertThat(Descriptors.parameterRegisters("(JI[DLjava/lang/String;D)V", true)).isEqualTo(2 + 1 + 1 + 1 + 2);
        assertThat(Descriptors.parameterRegisters("([[Ljava/lang/Object;J)Z", false)).isEqualTo(1 + 1 + 2);
    }

    @Test
    void typeAndDescriptorValidation() {
        assertThat(Descriptors.isFieldType("Lcom/a/B;")).isTrue();
        assertThat(Descriptors.isFieldType("[[I")).isTrue();
        assertThat(Descriptors.isFieldType("V")).isFalse();
        assertThat(Descriptors.isFieldType("[V")).isFalse();
        assertThat(Descriptors.isFieldType("L;")).isFalse();
        assertThat(Descriptors.isFieldType("I # comment")).isFalse();
        assertThat(Descriptors.isType("V")).isTrue();
        assertThat(Descriptors.isMethodDescriptor("(I[BLjava/lang/String;)V")).isTrue();
        assertThat(Descriptors.isMethodDescriptor("()V")).isTrue();
        assertThat(Descriptors.isMethodDescriptor("(Q)V")).isFalse();
        assertThat(Descriptors.isMethodDescriptor("(V)V")).isFalse();
        assertThat(Descriptors.isMethodDescriptor("()V  # call")).isFalse();
        assertThat(Descriptors.isMethodDescriptor("(I")).isFalse();
    }
}
