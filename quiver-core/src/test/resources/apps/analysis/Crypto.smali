.class public Lcom/q/Crypto;
.super Ljava/lang/Object;
.source "Crypto.java"

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static encrypt(Ljava/lang/String;)[B
    .registers 3
    invoke-virtual {p0}, Ljava/lang/String;->getBytes()[B
    move-result-object v0
    invoke-static {v0}, Lcom/q/Crypto;->encrypt([B)[B
    move-result-object v1
    return-object v1
.end method

.method public static encrypt([B)[B
    .registers 3
    const-string v0, "DES"
    invoke-static {v0}, Ljavax/crypto/Cipher;->getInstance(Ljava/lang/String;)Ljavax/crypto/Cipher;
    move-result-object v1
    return-object p0
.end method
