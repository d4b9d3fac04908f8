.class public Lcom/lib/Base64Codec;
.super Ljava/lang/Object;
.source "Base64Codec.java"

# interfaces
.implements Lcom/lib/Codec;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public decode([B)[B
    .registers 3
    const/4 v0, 0x0
    invoke-static {p1, v0}, Landroid/util/Base64;->decode([BI)[B
    move-result-object v1
    return-object v1
.end method
