.class Lcom/q/Ünï$Inner;
.super Lcom/q/Impl;
.source "Ünï.java"

.method constructor <init>()V
    .registers 1
    invoke-direct {p0}, Lcom/q/Impl;-><init>()V
    return-void
.end method

.method public run()V
    .registers 1
    invoke-super {p0}, Lcom/q/Impl;->run()V
    return-void
.end method
