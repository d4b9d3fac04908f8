# Calls through an interface (dispatch reaches both codecs) and the same method from two sites.
.class public Lcom/app/net/Net;
.super Ljava/lang/Object;
.source "Net.java"

.field private codec:Lcom/lib/Codec;

.method public constructor <init>()V
    .registers 2
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    new-instance v0, Lcom/app/net/XorCodec;
    invoke-direct {v0}, Lcom/app/net/XorCodec;-><init>()V
    iput-object v0, p0, Lcom/app/net/Net;->codec:Lcom/lib/Codec;
    return-void
.end method

.method public fetch(Ljava/lang/String;)[B
    .registers 4
    new-instance v0, Ljava/net/URL;
    invoke-direct {v0, p1}, Ljava/net/URL;-><init>(Ljava/lang/String;)V
    invoke-virtual {v0}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;
    iget-object v1, p0, Lcom/app/net/Net;->codec:Lcom/lib/Codec;
    const/4 v2, 0x0
    invoke-interface {v1, v2}, Lcom/lib/Codec;->decode([B)[B
    move-result-object v2
    invoke-interface {v1, v2}, Lcom/lib/Codec;->decode([B)[B
    move-result-object v2
    return-object v2
.end method
