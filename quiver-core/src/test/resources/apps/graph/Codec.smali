.class public interface abstract Lcom/lib/Codec;
.super Ljava/lang/Object;
.source "Codec.java"

# interfaces
.implements Lcom/lib/Named;

.method public abstract decode([B)[B
.end method
