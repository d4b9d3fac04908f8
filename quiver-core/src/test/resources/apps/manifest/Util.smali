.class public Lcom/m/Util;
.super Ljava/lang/Object;

.method public static log()V
    .registers 0
    return-void
.end method
