.class public Lcom/app/net/XorCodec;
.super Lcom/lib/Base64Codec;
.source "XorCodec.java"

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Lcom/lib/Base64Codec;-><init>()V
    return-void
.end method

.method public decode([B)[B
    .registers 2
    invoke-super {p0, p1}, Lcom/lib/Base64Codec;->decode([B)[B
    move-result-object v0
    return-object v0
.end method
