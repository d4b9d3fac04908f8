.class public Lcom/q/Impl;
.super Lcom/q/Base;
.source "Impl.java"

# interfaces
.implements Ljava/lang/Runnable;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Lcom/q/Base;-><init>()V
    return-void
.end method

.method public run()V
    .registers 1
    invoke-static {}, Lcom/q/Chain;->l1()V
    return-void
.end method
