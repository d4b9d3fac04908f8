.class public Lcom/q/UnderXscore;
.super Ljava/lang/Object;
.source "UnderXscore.java"

.method public static name()V
    .registers 1
    const-string v0, "aXb%c"
    return-void
.end method
